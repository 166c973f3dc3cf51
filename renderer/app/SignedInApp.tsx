import type { AuthStatus } from '../../shared/contract';
import { useFrontdesk, useQuery } from '../bridge';
import { ReceiptHost } from '../receipt/ReceiptHost';
import { Button } from '../ui';
import { AreaOutlet } from './AreaOutlet';
import { NavBar } from './NavBar';
import { NavigationProvider } from './NavigationProvider';
import { useDeskLocale } from '../calendar/useDeskLocale';
import { StatusBar } from './StatusBar';
import { useLiveQuery } from './useLiveQuery';
import { useSignOut } from './useSignOut';

/** The signed-in window: header, areas, status bar. */
export function SignedInApp({ auth }: { auth: AuthStatus }) {
  const api = useFrontdesk();
  const signOut = useSignOut();
  const sync = useLiveQuery('sync:status', 'sync:status');
  const practice = useQuery('practice:get', {}, { refreshOn: ['reference'] });
  const zone = practice.data?.timezone ?? null;
  const { hour12 } = useDeskLocale();
  const waiting = sync.value
    ? sync.value.pendingEdits + sync.value.conflicts + sync.value.needsAttention
    : 0;

  return (
    <NavigationProvider>
      <div className="fd-app">
        <ReceiptHost />
        <header className="fd-header">
          <span className="fd-header__brand">Frontdesk</span>
          <span className="fd-header__who">
            {auth.practiceName ?? practice.data?.practiceName ?? ''}
            {auth.user ? ` · ${auth.user.username}` : ''}
            {auth.mode === 'demo' ? ' · demo practice' : ''}
          </span>
          <span className="fd-header__actions">
            <Button size="small" onClick={() => void api.lock.lock({})}>
              Lock
            </Button>
            <Button size="small" variant="ghost" onClick={() => void signOut()}>
              Sign out
            </Button>
          </span>
        </header>
        <NavBar pending={waiting} />
        <main className="fd-main" id="main">
          <AreaOutlet sync={sync.value} zone={zone} />
        </main>
        <StatusBar status={sync.value} zone={zone} hour12={hour12} />
      </div>
    </NavigationProvider>
  );
}
