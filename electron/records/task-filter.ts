import type { ParsedRequestOf } from '../../shared/contract';
import type { Task, TaskStatus } from '../../shared/drchrono';
import type { Query } from '../drchrono/types';

export type TaskQuery = ParsedRequestOf<'tasks:list'>;

/**
 * The filters drchrono applies itself (assignee, status, category, due range, archived). Priority
 * is not among the documented filters, and "overdue" needs the practice's today: those two are
 * applied here, after the fetch, by `keepTask`.
 */
export function taskServerQuery(query: TaskQuery): Query {
  const q: Query = {};
  if (query.assigneeUser !== undefined) q.assignee_user = query.assigneeUser;
  if (query.assigneeGroup !== undefined) q.assignee_group = query.assigneeGroup;
  if (query.status !== undefined) q.status = query.status;
  if (query.category !== undefined) q.category = query.category;
  if (query.dueFrom !== undefined && query.dueTo !== undefined) {
    q.due_at_range = `${query.dueFrom}/${query.dueTo}`;
  } else if (query.dueFrom !== undefined) {
    q.due_at_since = `${query.dueFrom}T00:00:00`;
  }
  if (query.includeArchived === true) q.show_archived = true;
  return q;
}

export interface TaskFilterContext {
  /** Today in the practice's zone, never the machine's. */
  today: string;
  statuses: readonly TaskStatus[];
}

function dueDate(task: Task): string | null {
  const due = task.due_date?.due_date;
  return typeof due === 'string' && /^\d{4}-\d{2}-\d{2}/.test(due) ? due.slice(0, 10) : null;
}

/** A task is done when its status sits in drchrono's Complete category ("C"). */
export function isComplete(task: Task, statuses: readonly TaskStatus[]): boolean {
  return statuses.find((s) => s.id === task.status)?.status_category === 'C';
}

/** Due before today in the practice, and not done. */
export function isOverdue(task: Task, context: TaskFilterContext): boolean {
  const due = dueDate(task);
  return due !== null && due < context.today && !isComplete(task, context.statuses);
}

export function keepTask(task: Task, query: TaskQuery, context: TaskFilterContext): boolean {
  if (query.priority !== undefined && task.priority !== query.priority) return false;
  if (query.overdue === true && !isOverdue(task, context)) return false;
  // Applied again here: a server that ignores a filter must not widen the list.
  if (query.assigneeUser !== undefined && task.assignee_user !== query.assigneeUser) return false;
  if (query.assigneeGroup !== undefined && task.assignee_group !== query.assigneeGroup)
    return false;
  if (query.status !== undefined && task.status !== query.status) return false;
  if (query.category !== undefined && task.category !== query.category) return false;
  const due = dueDate(task);
  if (query.dueFrom !== undefined && (due === null || due < query.dueFrom)) return false;
  if (query.dueTo !== undefined && (due === null || due > query.dueTo)) return false;
  if (query.includeArchived !== true && task.archived === true) return false;
  return true;
}
