import type { SyncStatus } from '../../shared/contract';
import { BillingScreen } from '../billing/BillingScreen';
import { CalendarScreen } from '../calendar/CalendarScreen';
import { ConfirmationsScreen } from '../paperwork/ConfirmationsScreen';
import { DaySheetScreen } from '../paperwork/DaySheetScreen';
import { HistoryScreen } from '../history/HistoryScreen';
import { PatientsScreen } from '../patients/PatientsScreen';
import { TasksScreen } from '../tasks/TasksScreen';
import { TodayScreen } from '../today/TodayScreen';
import type { NavTarget } from '../ui';
import { HomeScreen } from './HomeScreen';
import { OutboxScreen } from './OutboxScreen';
import { SettingsScreen } from './SettingsScreen';

/**
 * The screen of the area on screen. The today, calendar, patients, billing, tasks and outbox
 * screens are each their owner's component; this only decides which one.
 */
export function AreaContent({
  current,
  sync,
  zone,
}: {
  current: NavTarget;
  sync: SyncStatus | null;
  zone: string | null;
}) {
  switch (current.area) {
    case 'today':
      return <TodayScreen />;
    case 'home':
      return <HomeScreen sync={sync} />;
    case 'settings':
      return <SettingsScreen section={current.section} />;
    case 'calendar':
      return <CalendarScreen />;
    case 'patients':
      return <PatientsScreen patientId={current.patientId} create={current.create} />;
    case 'billing':
      return <BillingScreen appointmentId={current.appointmentId} />;
    case 'tasks':
      return <TasksScreen taskId={current.taskId} newFor={current.newFor} />;
    case 'outbox':
      return <OutboxScreen zone={zone} />;
    case 'daysheet':
      return <DaySheetScreen date={current.date} officeId={current.officeId} />;
    case 'confirmations':
      return <ConfirmationsScreen date={current.date} />;
    case 'history':
      return <HistoryScreen day={current.day} patientId={current.patientId} />;
  }
}
