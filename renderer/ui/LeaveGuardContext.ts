import { createContext } from 'react';

export interface LeaveGuardRegistry {
  /** Registers a form with unsaved changes; returns the unregister function. */
  register: (id: string, message: string) => () => void;
  /** Asks before leaving when any form has unsaved changes; true when it is fine to leave. */
  confirmLeave: () => Promise<boolean>;
}

export const LeaveGuardContext = createContext<LeaveGuardRegistry | null>(null);
