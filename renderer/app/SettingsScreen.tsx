import { ConnectionSettings } from '../settings/ConnectionSettings';
import { LockSettings } from '../lock/LockSettings';

type Section = 'connection' | 'profiles' | 'templates' | 'rooms' | 'preferences' | 'lock';

/** Settings: the connection and the lock here; the calendar's own sections mount beside them. */
export function SettingsScreen({ section }: { section?: Section | undefined }) {
  return (
    <div className="fd-settings">
      <h1>Settings</h1>
      <div className="fd-settings__sections">
        {section === undefined || section === 'lock' || section === 'preferences' ? (
          <LockSettings />
        ) : null}
        {section === undefined || section === 'connection' ? <ConnectionSettings /> : null}
      </div>
    </div>
  );
}
