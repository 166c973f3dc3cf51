import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '../ui';

interface State {
  failed: boolean;
}

/**
 * Catches a render error anywhere below, so one broken view never leaves a blank window. What is
 * shown and reported says nothing about the data on screen: the report is the error's kind only.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; onError?: (kind: string) => void },
  State
> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    this.props.onError?.(error.name);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="fd-app-error" role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>
          Nothing you saved is lost: edits are kept until drchrono has them. Try again, and if it
          keeps happening, restart Frontdesk.
        </p>
        <Button
          variant="primary"
          onClick={() => {
            this.setState({ failed: false });
          }}
        >
          Try again
        </Button>
      </main>
    );
  }
}
