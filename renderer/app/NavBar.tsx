import { useNavigation, type NavTarget } from '../ui';

const areas: { area: NavTarget['area']; label: string; key: string }[] = [
  { area: 'today', label: 'Today', key: 'today' },
  { area: 'calendar', label: 'Calendar', key: 'calendar' },
  { area: 'patients', label: 'Patients', key: 'patients' },
  { area: 'tasks', label: 'Tasks', key: 'tasks' },
  { area: 'confirmations', label: 'Confirmations', key: 'confirmations' },
  { area: 'daysheet', label: 'Day sheet', key: 'daysheet' },
  { area: 'outbox', label: 'Outbox', key: 'outbox' },
  { area: 'history', label: 'History', key: 'history' },
  { area: 'settings', label: 'Settings', key: 'settings' },
];

/** The areas of the app; the current one is marked for screen readers. */
export function NavBar({ pending }: { pending: number }) {
  const { current, navigate } = useNavigation();
  return (
    <nav className="fd-nav" aria-label="Main">
      <ul>
        {areas.map(({ area, label, key }) => (
          <li key={key}>
            <button
              type="button"
              className="fd-nav__link"
              aria-current={current.area === area ? 'page' : undefined}
              onClick={() => void navigate({ area } as NavTarget)}
            >
              {label}
              {area === 'outbox' && pending > 0 ? (
                <span className="fd-nav__badge" aria-label={`${pending} waiting`}>
                  {pending}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
