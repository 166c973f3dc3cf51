import type { ResponseOf } from '../../shared/contract';
import type { recordsChannels } from '../../shared/contract/records-channels';
import {
  taskCategorySchema,
  taskSchema,
  taskStatusSchema,
  taskTemplateSchema,
} from '../../shared/drchrono';
import { ok, type Result } from '../../shared/result';
import type { Services } from '../app/services';
import type { DrchronoClient } from '../drchrono/types';
import type { DomainService } from '../app/domain-service';
import { fieldWords, submitEdit } from './edits';
import { failed } from './errors';
import { practiceDay } from './practice-day';
import { readRecordList } from './record-lists';
import type { RecordsState } from './state';
import { keepTask, taskServerQuery } from './task-filter';
import { notesBody } from './task-notes';

export type TaskChannels = Extract<keyof typeof recordsChannels, `tasks:${string}`>;
type TaskLists = Pick<ResponseOf<'tasks:meta'>, 'categories' | 'statuses' | 'templates'>;

/**
 * Tasks, the domain's one service: it owns the task calls (the list, categories, statuses and
 * templates read one by one so a refused list leaves tasks working, settings saved online) and
 * sends task edits through the outbox. One method per channel: the service is its own handler group.
 */
export type TaskService = DomainService<TaskChannels>;

/** Only what tasks use. */
export type TaskDeps = Pick<
  Services,
  'client' | 'capabilities' | 'edits' | 'events' | 'practice' | 'clock' | 'roster'
>;

const user = { priority: 'user' } as const;
// Archived ones too: the settings screen restores them; lists and pickers hide them.
const withArchived = { show_archived: true };

type TaskListsRead = TaskLists & {
  availability: NonNullable<ResponseOf<'tasks:meta'>['availability']>;
};

const inFull = { state: 'available', reason: null, skipped: 0, detail: null } as const;

/**
 * Categories, statuses and templates, each on its own: one refused, missing or unreadable is
 * empty with its reason and the task list still works (they only label and prefill tasks).
 */
async function taskLists(state: RecordsState, s: TaskDeps): Promise<Result<TaskListsRead>> {
  const recent = state.taskLists.get('all');
  if (recent) {
    return ok({
      ...recent,
      availability: { categories: inFull, statuses: inFull, templates: inFull },
    });
  }
  const [categories, statuses, templates] = await Promise.all([
    readRecordList(
      s,
      'tasks',
      'Task categories',
      '/api/task_categories',
      taskCategorySchema,
      withArchived,
      user,
    ),
    readRecordList(
      s,
      'tasks',
      'Task statuses',
      '/api/task_statuses',
      taskStatusSchema,
      withArchived,
      user,
    ),
    readRecordList(
      s,
      'tasks',
      'Task templates',
      '/api/task_templates',
      taskTemplateSchema,
      withArchived,
      user,
    ),
  ]);
  if (!categories.ok) return categories;
  if (!statuses.ok) return statuses;
  if (!templates.ok) return templates;
  const lists = {
    categories: categories.items,
    statuses: statuses.items,
    templates: templates.items,
  };
  const availability = {
    categories: categories.availability,
    statuses: statuses.availability,
    templates: templates.availability,
  };
  // Only lists read in full are remembered: a refused one is asked again next time.
  if (Object.values(availability).every((a) => a.state === 'available' && a.skipped === 0)) {
    state.taskLists.set('all', lists);
  }
  return ok({ ...lists, availability });
}

/**
 * Saves a category, status or template directly (settings are edited online, not queued). drchrono
 * answers a PATCH with an empty body, so the saved record is what we had with the changes laid on.
 */
async function saveSetting<T extends { id: number }>(
  client: DrchronoClient,
  path: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  id: number | undefined,
  body: Record<string, unknown>,
  known: readonly T[] | undefined,
): Promise<Result<T>> {
  if (id === undefined) {
    const created = await client.create(path, body, schema as never, user);
    if (!created.ok) return failed(created.failure, 'tasks');
    return ok(created.value as T);
  }
  const patched = await client.patch(`${path}/${id}`, body, user);
  if (!patched.ok) return failed(patched.failure, 'tasks');
  const before = known?.find((r) => r.id === id);
  const merged = before ? schema.safeParse({ ...before, ...body }) : null;
  if (merged?.success) return ok(merged.data);
  const read = await client.get(`${path}/${id}`, schema as never, undefined, user);
  if (!read.ok) return failed(read.failure, 'tasks');
  return ok(read.value as T);
}

export function createTaskService(state: RecordsState, deps: TaskDeps): TaskService {
  const replace = <K extends keyof TaskLists>(key: K, record: TaskLists[K][number]) => {
    const lists = state.taskLists.stale('all');
    if (!lists) return;
    const others = (lists[key] as { id: number }[]).filter((r) => r.id !== record.id);
    state.taskLists.set('all', { ...lists, [key]: [...others, record] });
  };

  return {
    'tasks:list': async (query) => {
      const day = await practiceDay(deps);
      if (!day.ok) return day;
      let statuses: TaskLists['statuses'] = [];
      if (query.overdue === true) {
        const lists = await taskLists(state, deps);
        if (!lists.ok) return lists;
        statuses = lists.value.statuses;
      }
      const read = await deps.client.list('/api/tasks', taskSchema, taskServerQuery(query), user);
      if (!read.ok) return failed(read.failure, 'tasks', 'Tasks');
      for (const task of read.value.items) state.tasks.set(task.id, task);
      const context = { today: day.value.today, statuses };
      const tasks = read.value.items.filter((task) => keepTask(task, query, context));
      const linked = tasks.flatMap((task) =>
        (task.associated_items ?? []).flatMap((item) =>
          item.type === 'patient' && /^\d+$/.test(item.id) ? [Number(item.id)] : [],
        ),
      );
      return ok({ tasks, patients: deps.roster.briefs(linked), fetchedAt: deps.clock.now() });
    },

    'tasks:meta': async (_request) => {
      const lists = await taskLists(state, deps);
      if (!lists.ok) return lists;
      const practice = deps.practice.cached() ?? null;
      const fresh = practice ? null : await deps.practice.get();
      const source = practice ?? (fresh?.ok ? fresh.value : null);
      return ok({
        ...lists.value,
        users: source?.users ?? [],
        groups: source?.userGroups ?? [],
      });
    },

    'tasks:create': async ({ task }) => {
      const submitted = await submitEdit(
        deps,
        { resource: 'tasks', op: 'create', body: task, summary: `New task “${task.title}”` },
        'tasks',
      );
      if (!submitted.ok) return submitted;
      if (submitted.value.state === 'queued') return ok({ task: null, state: 'queued' });
      deps.events.emit('data:changed', { kinds: ['tasks'] });
      const created = taskSchema.safeParse(submitted.value.response);
      return ok({ task: created.success ? created.data : null, state: 'saved' });
    },

    'tasks:update': async ({ id, changes, base }) => {
      const submitted = await submitEdit(
        deps,
        {
          resource: 'tasks',
          op: 'update',
          targetId: String(id),
          body: changes.notes
            ? { ...changes, notes: notesBody(changes.notes, state.tasks.stale(id)?.notes) }
            : changes,
          base,
          summary: `Change ${fieldWords(Object.keys(changes))} of task ${id}`,
        },
        'tasks',
      );
      if (!submitted.ok) return submitted;
      if (submitted.value.state === 'saved') deps.events.emit('data:changed', { kinds: ['tasks'] });
      return ok({ state: submitted.value.state });
    },

    'tasks:saveCategory': async ({ id, category }) => {
      const saved = await saveSetting(
        deps.client,
        '/api/task_categories',
        taskCategorySchema,
        id,
        category,
        state.taskLists.stale('all')?.categories,
      );
      if (saved.ok) replace('categories', saved.value);
      return saved;
    },

    'tasks:saveStatus': async ({ id, status }) => {
      const saved = await saveSetting(
        deps.client,
        '/api/task_statuses',
        taskStatusSchema,
        id,
        status,
        state.taskLists.stale('all')?.statuses,
      );
      if (saved.ok) replace('statuses', saved.value);
      return saved;
    },

    'tasks:saveTemplate': async ({ id, template }) => {
      const saved = await saveSetting(
        deps.client,
        '/api/task_templates',
        taskTemplateSchema,
        id,
        template,
        state.taskLists.stale('all')?.templates,
      );
      if (saved.ok) replace('templates', saved.value);
      return saved;
    },
  };
}
