import type { TaskChannels, TaskService } from '../../records/task-service';
import { thinHandlers } from '../thin';
import type { HandlerGroup } from '../types';

/** Thin: the dispatcher validated the request; the task service does the rest. */
export function taskHandlers(tasks: TaskService): HandlerGroup<TaskChannels> {
  return thinHandlers(tasks);
}
