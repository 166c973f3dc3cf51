import type { ReactNode } from 'react';
import { ConfirmProvider } from './ConfirmProvider';
import { LeaveGuardProvider } from './LeaveGuardProvider';
import { ToastProvider } from './ToastProvider';

/** Everything the UI kit needs above it, in the right order. */
export function UiProviders({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <ConfirmProvider>
        <LeaveGuardProvider>{children}</LeaveGuardProvider>
      </ConfirmProvider>
    </ToastProvider>
  );
}
