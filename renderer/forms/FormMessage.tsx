import { Notice } from '../ui/Notice';

/** The form-level message (e.g. drchrono's refusal), announced when it appears. */
export function FormMessage({
  message,
  kind = 'error',
}: {
  message: string | null;
  kind?: 'error' | 'warning' | 'success' | 'info';
}) {
  if (!message) return null;
  return <Notice kind={kind}>{message}</Notice>;
}
