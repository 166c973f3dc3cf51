import { useFrontdesk } from '../bridge';
import { errorToast, useConfirm, useToast } from '../ui';

/**
 * Signs out, asking first when edits have not reached drchrono yet: they are deleted only when
 * the user says so.
 */
export function useSignOut(): () => Promise<void> {
  const api = useFrontdesk();
  const confirm = useConfirm();
  const toast = useToast();
  return async () => {
    const first = await api.auth.signOut({});
    if (first.ok) return;
    if (first.error.code !== 'unsent_edits') {
      toast(errorToast(first.error));
      return;
    }
    const count = first.error.unsentCount ?? 0;
    const agreed = await confirm({
      title: `Delete ${count} unsent ${count === 1 ? 'change' : 'changes'}?`,
      message: `${first.error.message} Stay signed in and reconnect to send them, or delete them and sign out.`,
      confirmLabel: 'Delete and sign out',
      cancelLabel: 'Stay signed in',
      danger: true,
    });
    if (!agreed) return;
    const second = await api.auth.signOut({ discardUnsent: true });
    if (!second.ok) toast(errorToast(second.error));
  };
}
