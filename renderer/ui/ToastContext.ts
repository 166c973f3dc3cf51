import { createContext } from 'react';

export interface ToastInput {
  kind: 'info' | 'success' | 'error';
  message: string;
  /** For errors: the quiet "Details" line (which call failed; see `errorToast`). */
  detail?: string;
  /** E.g. "Undo". */
  action?: { label: string; run: () => void };
  /** Milliseconds; errors stay until dismissed. */
  timeoutMs?: number;
}

export type ShowToast = (toast: ToastInput) => void;

export const ToastContext = createContext<ShowToast | null>(null);
