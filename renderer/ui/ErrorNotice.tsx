import type { AppError } from '../../shared/result';
import { Button } from './Button';
import { Notice } from './Notice';

/** An AppError in plain words, with a retry when there is something to retry. */
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
    </Notice>
  );
}
