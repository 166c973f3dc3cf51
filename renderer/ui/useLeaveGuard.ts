import { useContext, useEffect, useId } from 'react';
import { LeaveGuardContext } from './LeaveGuardContext';

/** While `dirty`, leaving the screen or closing the window asks first. */
export function useLeaveGuard(
  dirty: boolean,
  message = 'You have changes that are not saved yet.',
): void {
  const registry = useContext(LeaveGuardContext);
  const id = useId();
  useEffect(() => {
    if (!registry || !dirty) return;
    return registry.register(id, message);
  }, [registry, dirty, id, message]);
}
