import { useFrontdesk } from '../bridge';
import { errorToast, useConfirm, useToast } from '../ui';

/**
 * Sign out from the lock screen. With no unsent edits it simply signs out. With some, it says
 * so and offers to unlock first: deleting them needs an unlocked desk (main refuses it while
 * locked), so nobody at a locked screen can throw away the desk's work.
 */
export function useLockedSignOut(unlock: () => Promise<void>): () => Promise<void> {
  const api = useFrontdesk();
  const confirm = useConfirm();
  const toast = useToast();
  return async () => {
    const reply = await api.auth.signOut({});
    if (reply.ok) return;
    if (reply.error.code !== 'unsent_edits') {
      toast(errorToast(reply.error));
      return;
    }
    const count = reply.error.unsentCount ?? 0;
    const changes = `${String(count)} unsent ${count === 1 ? 'change' : 'changes'}`;
    const agreed = await confirm({
      title: `${changes} would be deleted`,
      message:
        `${count === 1 ? 'One change has' : `${String(count)} changes have`} not reached drchrono ` +
        'yet. They stay on this computer while Frontdesk is locked. To send them or delete them, ' +
        'unlock first, then sign out from the app.',
      confirmLabel: 'Sign in to drchrono to unlock',
      cancelLabel: 'Stay locked',
    });
    if (agreed) await unlock();
  };
}
