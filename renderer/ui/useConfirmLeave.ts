import { useContext } from 'react';
import { LeaveGuardContext } from './LeaveGuardContext';

/** For navigation: `if (await confirmLeave()) go()`. Outside a provider nothing is guarded. */
export function useConfirmLeave(): () => Promise<boolean> {
  const registry = useContext(LeaveGuardContext);
  return registry ? registry.confirmLeave : () => Promise.resolve(true);
}
