import { Button } from '../ui';
import type { ErrorFallbackProps } from './ErrorBoundary';

/** The whole window's last resort, when even the shell could not be drawn. */
export function AppErrorScreen({ kind, retry }: ErrorFallbackProps) {
  return (
    <main className="fd-app-error" role="alert">
      <h1>Something went wrong on this screen</h1>
      <p>
        Nothing you saved is lost: edits are kept until drchrono has them. Try again, and if it
        keeps happening, restart Frontdesk.
      </p>
      <p className="fd-field__hint">Details: {kind} while drawing the window</p>
      <Button variant="primary" onClick={retry}>
        Try again
      </Button>
    </main>
  );
}
