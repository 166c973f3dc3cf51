import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { LeaveGuardContext, type LeaveGuardRegistry } from './LeaveGuardContext';
import { useConfirm } from './useConfirm';

/**
 * Knows which forms hold unsaved changes. Navigation inside the app asks `confirmLeave()`; closing
 * or reloading the window gets the browser's own question.
 */
export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const confirm = useConfirm();
  const dirty = useRef(new Map<string, string>());

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  const registry = useMemo<LeaveGuardRegistry>(
    () => ({
      register(id, message) {
        dirty.current.set(id, message);
        return () => {
          dirty.current.delete(id);
        };
      },
      async confirmLeave() {
        const first = dirty.current.values().next();
        if (first.done) return true;
        const leave = await confirm({
          title: 'Leave without saving?',
          message: first.value,
          confirmLabel: 'Discard changes',
          cancelLabel: 'Keep editing',
          danger: true,
        });
        if (leave) dirty.current.clear();
        return leave;
      },
    }),
    [confirm],
  );

  return <LeaveGuardContext.Provider value={registry}>{children}</LeaveGuardContext.Provider>;
}
