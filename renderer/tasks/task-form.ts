import { z } from 'zod';
import {
  isoDate,
  taskFields,
  taskPriority,
  taskWritable,
  type Task,
  type TaskChanges,
  type TaskTemplate,
  type TaskWritable,
} from '../../shared/drchrono';
import { addDays, addMinutesToWall, instantToWall } from '../../shared/time/practice-time';
import { changedFields } from '../forms';

/** A task's link to a patient or an appointment (drchrono's `associated_items`). */
export interface TaskLink {
  type: 'patient' | 'appointment';
  id: string;
  /** For the screen only (e.g. the patient's name); never sent. */
  label?: string;
}

/**
 * The task form. Assignee is one choice over users and groups ("u:12" / "g:3"); the due date and
 * time are two boxes; a new note is one box appended to the task's notes. Converted to the
 * contract's `taskWritable` (and checked by it) before anything is sent.
 */
export const taskFormSchema = z.strictObject({
  title: taskFields.shape.title,
  status: z.number({ error: 'Choose a status' }).pipe(taskFields.shape.status),
  priority: z.preprocess((v) => (v === null || v === '' ? undefined : v), taskPriority.optional()),
  category: taskFields.shape.category,
  assignee: z.string().regex(/^(u|g):\d+$/, 'Assign the task to a person or a group'),
  due_date: z.union([isoDate, z.literal('')]),
  due_time: z.union([
    z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, 'A time like 14:30'),
    z.literal(''),
  ]),
  note: z.string().trim().max(2000, 'At most 2,000 characters'),
  archived: z.boolean(),
});
export type TaskFormInput = z.input<typeof taskFormSchema>;
export type TaskFormOutput = z.output<typeof taskFormSchema>;

export const taskFormFields = [
  'title',
  'status',
  'priority',
  'category',
  'assignee',
  'due_date',
  'due_time',
  'note',
];

function assigneeOf(task: Pick<Task, 'assignee_user' | 'assignee_group'>): string {
  if (task.assignee_user) return `u:${task.assignee_user}`;
  if (task.assignee_group) return `g:${task.assignee_group}`;
  return '';
}

export function taskValues(
  task: Task | null,
  defaults: { status: number | null; assignee: string },
): TaskFormInput {
  if (!task) {
    return {
      title: '',
      status: defaults.status as number,
      priority: 20,
      category: null,
      assignee: defaults.assignee,
      due_date: '',
      due_time: '',
      note: '',
      archived: false,
    };
  }
  return {
    title: task.title,
    status: task.status,
    priority: task.priority ?? null,
    category: task.category ?? null,
    assignee: assigneeOf(task),
    due_date: task.due_date?.due_date?.slice(0, 10) ?? '',
    due_time: task.due_date?.due_time?.slice(0, 5) ?? '',
    note: '',
    archived: task.archived === true,
  };
}

function writableFields(
  values: TaskFormOutput,
  links: readonly TaskLink[],
): Omit<TaskWritable, 'notes'> {
  const [kind, id] = values.assignee.split(':');
  return {
    title: values.title,
    status: values.status,
    ...(values.priority !== undefined ? { priority: values.priority } : {}),
    category: values.category ?? null,
    assignee_user: kind === 'u' ? Number(id) : null,
    assignee_group: kind === 'g' ? Number(id) : null,
    due_date: values.due_date
      ? {
          due_date: values.due_date,
          due_time: values.due_time ? normaliseTime(values.due_time) : null,
        }
      : null,
    associated_items: links.map((l) => ({ type: l.type, id: l.id })),
    archived: values.archived,
  };
}

function normaliseTime(time: string): string {
  return time.length === 5 ? `${time}:00` : time;
}

/** The POST body, checked by the contract's own schema. */
export function newTask(values: TaskFormOutput, links: readonly TaskLink[]) {
  return taskWritable.safeParse({
    ...writableFields(values, links),
    ...(values.note ? { notes: [{ text: values.note }] } : {}),
  });
}

/** The PATCH: changed fields only; a new note is appended to the notes the task has. */
export function taskEdit(
  task: Task,
  initial: TaskFormOutput,
  values: TaskFormOutput,
  initialLinks: readonly TaskLink[],
  links: readonly TaskLink[],
): { changes: TaskChanges; base: TaskChanges; count: number } {
  const before = writableFields(initial, initialLinks);
  const after = writableFields(values, links);
  const { changes, base } = changedFields(
    before as Record<string, unknown>,
    after as Record<string, unknown>,
  );
  const out: Record<string, unknown> = { ...changes };
  const outBase: Record<string, unknown> = { ...base };
  if (values.note) {
    const existing = (task.notes ?? []).flatMap((n) => (n.text ? [{ text: n.text }] : []));
    out.notes = [...existing, { text: values.note }];
    outBase.notes = existing;
  }
  return {
    changes: out,
    base: outBase,
    count: Object.keys(out).length,
  };
}

/**
 * A template's defaults for a new task. `default_due_date_offset` is "[DD] [HH:[MM:]]ss": whole
 * days move the date; a time part makes it due at that many hours/minutes from now (practice time).
 */
export function templateValues(
  template: TaskTemplate,
  nowWall: string,
  fallback: { status: number | null; assignee: string },
): TaskFormInput {
  const due = dueFromOffset(template.default_due_date_offset, nowWall);
  const category = template.defatul_category ?? template.default_category ?? null;
  const assignee = template.default_assignee_user
    ? `u:${template.default_assignee_user}`
    : template.default_assignee_group
      ? `g:${template.default_assignee_group}`
      : fallback.assignee;
  const priority = template.default_priority;
  return {
    title: template.default_title ?? template.name,
    status: template.default_status ?? (fallback.status as number),
    priority:
      priority === 10 || priority === 20 || priority === 30 || priority === 40 ? priority : 20,
    category,
    assignee,
    due_date: due?.date ?? '',
    due_time: due?.time ?? '',
    note: template.default_note ?? '',
    archived: false,
  };
}

export function dueFromOffset(
  offset: string | null | undefined,
  nowWall: string,
): { date: string; time: string } | null {
  if (!offset) return null;
  const m = /^(?:(\d+) )?(?:(?:(\d{1,2}):)?(\d{1,2}):)?(\d{1,2})(?:\.\d+)?$/.exec(offset.trim());
  if (!m) return null;
  const days = Number(m[1] ?? 0);
  const minutes = Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) + Math.floor(Number(m[4] ?? 0) / 60);
  if (minutes === 0) return { date: addDays(nowWall.slice(0, 10), days), time: '' };
  const at = addMinutesToWall(nowWall, days * 24 * 60 + minutes);
  return { date: at.slice(0, 10), time: at.slice(11, 16) };
}

/** The practice's wall time now (for a template's due offset, when the user picks it). */
export function practiceNow(zone: string): string {
  return instantToWall(Date.now(), zone);
}

/** "1 00:00:00" → "1 day"; "04:00:00" → "4 hours"; "2 01:30:00" → "2 days 1 h 30 min". */
export function describeOffset(offset: string | null | undefined): string {
  if (!offset) return '—';
  const m = /^(?:(\d+) )?(?:(?:(\d{1,2}):)?(\d{1,2}):)?(\d{1,2})(?:\.\d+)?$/.exec(offset.trim());
  if (!m) return offset;
  const days = Number(m[1] ?? 0);
  const hours = Number(m[2] ?? 0);
  const minutes = Number(m[3] ?? 0);
  const parts: string[] = [];
  if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours && !minutes) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  else if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  return parts.join(' ') || 'at once';
}
