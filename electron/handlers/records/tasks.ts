import { createTaskService, type TaskChannels, type TaskDeps } from '../../records/task-service';
import { thinHandlers } from '../thin';
import type { HandlerGroup } from '../types';
import type { RecordsState } from '../../records/state';

/** Thin: the dispatcher validated the request; the task service does the rest. */
export function taskHandlers(state: RecordsState, deps: TaskDeps): HandlerGroup<TaskChannels> {
  return thinHandlers(createTaskService(state, deps));
}
