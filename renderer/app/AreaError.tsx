import { Button } from '../ui';
import type { ErrorFallbackProps } from './ErrorBoundary';

/**
 * One area that could not be drawn, in place of that area only: the menu, the status bar and
 * every other area keep working, and it says which area failed and how.
 */
export function AreaError({ area, kind, retry }: ErrorFallbackProps & { area: string }) {
  return (
    <section className="fd-app-error" role="alert" aria-labelledby="fd-area-error-title">
      <h1 id="fd-area-error-title">{area} could not be shown</h1>
      <p>
        Nothing you saved is lost: edits are kept until drchrono has them. The other areas on the
        left still work. Try again, and if it keeps happening, copy the diagnostic report from
        Settings → Help and send it to whoever supports Frontdesk.
      </p>
      <p className="fd-field__hint">
        Details: {kind} while drawing {area}
      </p>
      <Button variant="primary" onClick={retry}>
        Try again
      </Button>
    </section>
  );
}
