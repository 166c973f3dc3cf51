import type { AppError } from '../../shared/result';
import type { ToastInput } from './ToastContext';

/** An error as a toast: its message, and its Details line when main gave one. */
export function errorToast(error: AppError): ToastInput {
  return {
    kind: 'error',
    message: error.message,
    ...(error.detail ? { detail: error.detail } : {}),
  };
}
