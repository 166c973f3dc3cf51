import { CapabilityTable } from '../settings/CapabilityTable';
import { ConnectionSettings } from '../settings/ConnectionSettings';
import { HelpSettings } from '../settings/HelpSettings';
import { HistorySettings } from '../history/HistorySettings';
import { LockSettings } from '../lock/LockSettings';
import { ClockSettings } from './ClockSettings';
import { PreferencesSettings } from './PreferencesSettings';
import { ProfilesSettings } from '../settings/profiles/ProfilesSettings';
import { RoomsSettings } from '../settings/rooms/RoomsSettings';
import { TemplatesSettings } from '../settings/templates/TemplatesSettings';

type Section =
  'connection' | 'profiles' | 'templates' | 'rooms' | 'preferences' | 'lock' | 'history' | 'help';

/** Settings: the lock, the API budget and the connection; the calendar's own sections; Help last. */
export function SettingsScreen({ section }: { section?: Section | undefined }) {
  return (
    <div className="fd-settings">
      <h1>Settings</h1>
      <div className="fd-settings__sections">
        {section === undefined || section === 'lock' ? <LockSettings /> : null}
        {section === undefined || section === 'preferences' ? <PreferencesSettings /> : null}
        {section === undefined || section === 'preferences' ? <ClockSettings /> : null}
        {section === undefined || section === 'connection' ? <ConnectionSettings /> : null}
        {section === undefined || section === 'connection' ? <CapabilityTable /> : null}
        {section === undefined || section === 'profiles' ? <ProfilesSettings /> : null}
        {section === undefined || section === 'templates' ? <TemplatesSettings /> : null}
        {section === undefined || section === 'rooms' ? <RoomsSettings /> : null}
        {section === undefined || section === 'history' ? <HistorySettings /> : null}
        {section === undefined || section === 'help' ? <HelpSettings /> : null}
      </div>
    </div>
  );
}
