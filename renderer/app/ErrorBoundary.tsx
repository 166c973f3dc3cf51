import { Component, type ErrorInfo, type ReactNode } from 'react';
import { AppErrorScreen } from './AppErrorScreen';

export interface ErrorFallbackProps {
  /** The error's kind (`TypeError`): never its message, which may quote data on screen. */
  kind: string;
  retry: () => void;
}

interface Props {
  children: ReactNode;
  /** What shows instead of the children; the whole-window screen when absent. */
  fallback?: (props: ErrorFallbackProps) => ReactNode;
  onError?: (kind: string) => void;
}

interface State {
  kind: string | null;
}

/**
 * Catches a render error below it, so one broken view never leaves a blank window. What is shown
 * and reported says nothing about the data on screen: the report is the error's kind only.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { kind: null };

  static getDerivedStateFromError(error: unknown): State {
    return { kind: error instanceof Error && /^\w{1,40}$/.test(error.name) ? error.name : 'Error' };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    this.props.onError?.(this.state.kind ?? error.name);
  }

  private readonly retry = (): void => {
    this.setState({ kind: null });
  };

  override render(): ReactNode {
    const { kind } = this.state;
    if (kind === null) return this.props.children;
    const fallback = this.props.fallback ?? ((p: ErrorFallbackProps) => <AppErrorScreen {...p} />);
    return fallback({ kind, retry: this.retry });
  }
}
