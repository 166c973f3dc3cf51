import type { ReactNode } from 'react';

export interface NoticeProps {
  kind: 'error' | 'warning' | 'info' | 'success';
  children: ReactNode;
  /** Errors and warnings interrupt screen readers; info and success wait politely. */
  live?: boolean;
}

export function Notice({ kind, children, live = true }: NoticeProps) {
  const role = !live ? undefined : kind === 'error' || kind === 'warning' ? 'alert' : 'status';
  return (
    <div className={`fd-notice fd-notice--${kind}`} role={role}>
      {children}
    </div>
  );
}
