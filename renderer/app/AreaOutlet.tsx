import type { SyncStatus } from '../../shared/contract';
import { BillingScreen } from '../billing/BillingScreen';
import { CalendarScreen } from '../calendar/CalendarScreen';
import { HistoryScreen } from '../history/HistoryScreen';
import { PatientsScreen } from '../patients/PatientsScreen';
import { TasksScreen } from '../tasks/TasksScreen';
import { useNavigation } from '../ui';
import { HomeScreen } from './HomeScreen';
import { OutboxScreen } from './OutboxScreen';
import { SettingsScreen } from './SettingsScreen';

/**
 * The mount point of every area. The calendar, patients, billing, tasks and outbox screens are
 * each their owner's component; the shell only decides which one is on screen.
 */
export function AreaOutlet({ sync, zone }: { sync: SyncStatus | null; zone: string | null }) {
  const { current } = useNavigation();
  switch (current.area) {
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
    case 'history':
      return <HistoryScreen day={current.day} patientId={current.patientId} />;
  }
}
