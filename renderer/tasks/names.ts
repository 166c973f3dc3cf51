import type { ResponseOf } from '../../shared/contract';
import { statusCategories, taskPriorities, type Task } from '../../shared/drchrono';
import type { SelectOption } from '../forms';

export type TaskMeta = ResponseOf<'tasks:meta'>;

/** Users and groups as one list of choices: "u:12" for a person, "g:3" for a group. */
export function assigneeOptions(meta: TaskMeta): SelectOption[] {
  return [
    ...meta.users.map((u) => ({ value: `u:${u.id}`, label: u.username })),
    ...meta.groups
      .filter((g) => g.archived !== true)
      .map((g) => ({ value: `g:${g.id}`, label: `${g.name} (group)` })),
  ];
}

export function assigneeName(
  task: Pick<Task, 'assignee_user' | 'assignee_group'>,
  meta: TaskMeta,
): string {
  if (task.assignee_user) {
    return (
      meta.users.find((u) => u.id === task.assignee_user)?.username ?? `User ${task.assignee_user}`
    );
  }
  if (task.assignee_group) {
    const group = meta.groups.find((g) => g.id === task.assignee_group);
    return group ? `${group.name} (group)` : `Group ${task.assignee_group}`;
  }
  return 'Nobody';
}

export function statusName(id: number, meta: TaskMeta): string {
  return meta.statuses.find((s) => s.id === id)?.name ?? `Status ${id}`;
}

export function statusCategory(id: number, meta: TaskMeta): string | null {
  return meta.statuses.find((s) => s.id === id)?.status_category ?? null;
}

export function categoryName(id: number | null | undefined, meta: TaskMeta): string {
  if (!id) return '—';
  return meta.categories.find((c) => c.id === id)?.name ?? `Category ${id}`;
}

export function priorityName(priority: number | null | undefined): string {
  return priority && priority in taskPriorities ? taskPriorities[priority as 10] : '—';
}

export const priorityOptions: SelectOption[] = Object.entries(taskPriorities).map(
  ([value, label]) => ({
    value: Number(value),
    label,
  }),
);

export const statusCategoryOptions: SelectOption[] = Object.entries(statusCategories).map(
  ([value, label]) => ({ value, label }),
);

/** Statuses a task can be given: not archived, grouped by their category's order. */
export function liveStatuses(meta: TaskMeta) {
  const order = ['O', 'P', 'H', 'C'];
  return meta.statuses
    .filter((s) => s.archived !== true)
    .sort(
      (a, b) =>
        order.indexOf(a.status_category ?? 'O') - order.indexOf(b.status_category ?? 'O') ||
        a.name.localeCompare(b.name),
    );
}

/** The status "Complete" means here: the first live status in drchrono's Complete category. */
export function completeStatus(meta: TaskMeta): number | null {
  return liveStatuses(meta).find((s) => s.status_category === 'C')?.id ?? null;
}

export function openStatus(meta: TaskMeta): number | null {
  return (
    liveStatuses(meta).find((s) => s.status_category === 'O')?.id ??
    liveStatuses(meta)[0]?.id ??
    null
  );
}
