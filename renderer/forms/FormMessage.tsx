import { ErrorDetails } from '../ui/ErrorDetails';
import { Notice } from '../ui/Notice';

/** The form-level message (e.g. drchrono's refusal), announced when it appears, with its Details. */
export function FormMessage({
  message,
  kind = 'error',
  detail,
}: {
  message: string | null;
  kind?: 'error' | 'warning' | 'success' | 'info';
  /** The error's Details line (`AppError.detail`), when the message came from one. */
  detail?: string | undefined;
}) {
  if (!message) return null;
  return (
    <Notice kind={kind}>
      {message}
      <ErrorDetails detail={detail} />
    </Notice>
  );
}
