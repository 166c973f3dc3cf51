import type { AppError } from '../../shared/result';
import { Button } from './Button';
import { ErrorDetails } from './ErrorDetails';
import { Notice } from './Notice';

/** An AppError in plain words, with a retry when there is something to retry, and its Details. */
export function ErrorNotice({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  return (
    <Notice kind={error.code === 'offline' ? 'warning' : 'error'}>
      <span>{error.message}</span>
      {onRetry ? (
        <>
          {' '}
          <Button size="small" onClick={onRetry}>
            Try again
          </Button>
        </>
      ) : null}
      <ErrorDetails detail={error.detail} />
    </Notice>
  );
}
