import type { ResponseOf } from '../../shared/contract';
import type { CustomDemographicField, Patient, Task } from '../../shared/drchrono';
import type { Clock } from '../../shared/time/clock';
import { Recent } from './recent';

type TaskLists = Pick<ResponseOf<'tasks:meta'>, 'categories' | 'statuses' | 'templates'>;

/** What the records services remember between calls, to spend fewer of the practice's calls. */
export interface RecordsState {
  /** Full (verbose) patients as last read: the detail screen's reloads and the insurance merge. */
  patients: Recent<number, Patient>;
  customFields: Recent<'all', CustomDemographicField[]>;
  taskLists: Recent<'all', TaskLists>;
  /** Tasks as last listed: their notes are sent back whole when one is appended. */
  tasks: Recent<number, Task>;
  clear(): void;
}

/** A patient read this recently is served again without a call. */
export const patientFreshMs = 60_000;
/** Custom demographic fields and task categories/statuses/templates change rarely. */
export const settingsFreshMs = 15 * 60_000;

export function createRecordsState(clock: Clock): RecordsState {
  const patients = new Recent<number, Patient>(clock, patientFreshMs, 50);
  const customFields = new Recent<'all', CustomDemographicField[]>(clock, settingsFreshMs, 1);
  const taskLists = new Recent<'all', TaskLists>(clock, settingsFreshMs, 1);
  const tasks = new Recent<number, Task>(clock, settingsFreshMs, 1000);
  return {
    patients,
    customFields,
    taskLists,
    tasks,
    clear() {
      patients.clear();
      customFields.clear();
      taskLists.clear();
      tasks.clear();
    },
  };
}
