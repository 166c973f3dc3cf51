import type { AppError } from '../../shared/result';
import { ErrorDetails } from './ErrorDetails';
import { ErrorNotice } from './ErrorNotice';
import { Notice } from './Notice';

/**
 * What one records area (clinical, payments, tasks…) shows when it cannot load. A refusal is no
 * fault to retry: the account lacks a permission or scope, so the area says which, quietly, and
 * the rest of the screen carries on. Anything else is an error with "Try again".
 */
export function AreaErrorNotice({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  if (error.code !== 'forbidden') return <ErrorNotice error={error} onRetry={onRetry} />;
  return (
    <Notice kind="info" live={false}>
      <p className="fd-area-refused">{error.message}</p>
      <ErrorDetails detail={error.detail} />
    </Notice>
  );
}
