import type { SyncStatus } from '../../shared/contract';
import { useFrontdesk } from '../bridge';
import { useNavigation, type NavTarget } from '../ui';
import { AreaContent } from './AreaContent';
import { AreaError } from './AreaError';
import { ErrorBoundary } from './ErrorBoundary';

/**
 * The mount point of every area. Each is drawn inside its own error boundary, so one area that
 * fails to draw never takes the menu, the status bar or the other areas down.
 */
export function AreaOutlet({ sync, zone }: { sync: SyncStatus | null; zone: string | null }) {
  const { current } = useNavigation();
  const api = useFrontdesk();
  const name = areaNames[current.area];
  return (
    // Keyed by area: going to another area and back draws it afresh.
    <ErrorBoundary
      key={current.area}
      fallback={(p) => <AreaError area={name} {...p} />}
      onError={(kind) => {
        void api.app.log({ level: 'error', message: `${kind} while drawing ${name}` });
      }}
    >
      <AreaContent current={current} sync={sync} zone={zone} />
    </ErrorBoundary>
  );
}

/** What each area is called where it is named to the desk ("Calendar could not be shown"). */
const areaNames: Record<NavTarget['area'], string> = {
  today: 'Today',
  home: 'Home',
  settings: 'Settings',
  calendar: 'Calendar',
  patients: 'Patients',
  billing: 'Billing',
  tasks: 'Tasks',
  outbox: 'Outbox',
  daysheet: 'Day sheet',
  confirmations: 'Confirmations',
  history: 'History',
};
