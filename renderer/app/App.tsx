import type { FrontdeskApi } from '../../shared/contract';
import { FrontdeskProvider } from '../bridge';
import { UiProviders } from '../ui';
import { ErrorBoundary } from './ErrorBoundary';
import { Shell } from './Shell';

/** The whole renderer: the API (real bridge or a test fake), the UI kit's providers, the shell. */
export function App({ api }: { api: FrontdeskApi }) {
  return (
    <FrontdeskProvider api={api}>
      <UiProviders>
        <ErrorBoundary>
          <Shell />
        </ErrorBoundary>
      </UiProviders>
    </FrontdeskProvider>
  );
}
