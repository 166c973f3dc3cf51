import { z } from 'zod';
import { ApiError } from '../http';
import type { JsonRecord } from '../model';
import type { Ctx, Route } from '../router';
import { formatStamp, wallToInstant } from '../time';
import {
  bool,
  choice,
  date,
  flag,
  int,
  intOrNull,
  requiredText,
  text,
  timeOfDay,
} from '../validate';
import { dateParam, dateRangeParam, instantParam } from './query';
import { byInt, requireExisting, resource, type ResourceSpec } from './resource';

/**
 * Tasks and their settings. The reference lists only GET for /api/tasks but describes creating
 * and modifying them, so writes work unless `tasksWritable` is off, when they answer 405 as an
 * endpoint without the method would. Formats chosen for the "click link" objects:
 * `due_date` `{due_date: "YYYY-MM-DD", due_time: "HH:MM:SS" | null}` (null: no due date);
 * `notes` `[{text, created_at, created_by}]` (a write replaces the list; entries without stamps
 * get them); `associated_items` `[{type: "patient" | "appointment", id}]`.
 */

const priority = int().refine((p) => [10, 20, 30, 40].includes(p), 'One of 10, 20, 30 or 40.');

const taskShape = {
  title: requiredText(),
  status: int(),
  assignee_user: intOrNull().optional(),
  assignee_group: intOrNull().optional(),
  associated_items: z
    .array(
      z
        .object({
          type: choice(['patient', 'appointment'] as const),
          id: z.union([z.number().int(), z.string()]),
        })
        .loose(),
    )
    .optional(),
  category: intOrNull().optional(),
  due_date: z
    .object({ due_date: date(), due_time: timeOfDay().nullable().optional() })
    .loose()
    .nullable()
    .optional(),
  notes: z
    .array(
      z
        .object({
          text: z.string(),
          created_at: z.string().optional(),
          created_by: intOrNull().optional(),
        })
        .loose(),
    )
    .optional(),
  priority: priority.optional(),
  archived: bool().optional(),
};

function guardWrite(ctx: Ctx): void {
  if (!ctx.env.switches.tasksWritable)
    throw new ApiError(
      405,
      { detail: `Method "${ctx.method}" not allowed.` },
      { allow: 'GET, HEAD, OPTIONS' },
    );
}

function prepare(ctx: Ctx, parsed: JsonRecord): JsonRecord {
  const out = { ...parsed };
  if (Array.isArray(out.notes))
    out.notes = (out.notes as JsonRecord[]).map((n) => ({
      ...n,
      created_at: n.created_at ?? formatStamp(ctx.now, ctx.env.timezone),
      created_by: n.created_by ?? ctx.user.id,
    }));
  if (out.due_date && typeof out.due_date === 'object')
    out.due_date = { due_time: null, ...out.due_date };
  return out;
}

function validate(ctx: Ctx, data: JsonRecord): void {
  const { db } = ctx.env;
  requireExisting(db.taskStatuses, 'status', data.status);
  requireExisting(db.taskCategories, 'category', data.category);
  requireExisting(db.users, 'assignee_user', data.assignee_user);
  requireExisting(db.userGroups, 'assignee_group', data.assignee_group);
  if (data.assignee_user == null && data.assignee_group == null)
    throw new ApiError(400, {
      non_field_errors: ['Either assignee_user or assignee_group should be set.'],
    });
}

/** A due date without a time counts as due at the end of that day. */
function dueInstant(ctx: Ctx, due: unknown): number | undefined {
  if (!due || typeof due !== 'object') return undefined;
  const d = due as JsonRecord;
  if (typeof d.due_date !== 'string') return undefined;
  const time = typeof d.due_time === 'string' ? d.due_time : '23:59:59';
  return wallToInstant(`${d.due_date}T${time}`, ctx.env.timezone);
}

const dueDate = (due: unknown): string | undefined =>
  due && typeof due === 'object' && typeof (due as JsonRecord).due_date === 'string'
    ? ((due as JsonRecord).due_date as string)
    : undefined;

const taskSpec: ResourceSpec = {
  path: '/api/tasks',
  table: (ctx) => ctx.env.db.tasks,
  methods: ['GET', 'POST', 'PUT', 'PATCH'],
  archivable: true,
  shape: taskShape,
  readOnly: ['created_by'],
  defaults: (ctx) => ({
    assignee_user: null,
    assignee_group: null,
    associated_items: [],
    category: null,
    due_date: null,
    notes: [],
    priority: 20,
    archived: false,
    created_by: ctx.user.id,
  }),
  guardWrite,
  prepare,
  validate,
  filters: {
    assignee_user: byInt('assignee_user'),
    assignee_group: byInt('assignee_group'),
    status: byInt('status'),
    category: byInt('category'),
    due_at_date: (doc, ctx) => {
      const d = dateParam(ctx, 'due_at_date');
      return d === undefined || dueDate(doc.data.due_date) === d;
    },
    due_at_range: (doc, ctx) => {
      const range = dateRangeParam(ctx, 'due_at_range');
      const d = dueDate(doc.data.due_date);
      return range === undefined || (d !== undefined && d >= range[0] && d <= range[1]);
    },
    due_at_since: (doc, ctx) => {
      const since = instantParam(ctx, 'due_at_since');
      const due = dueInstant(ctx, doc.data.due_date);
      return since === undefined || (due !== undefined && due >= since);
    },
    due_at_unknown: (doc, ctx) =>
      !flag(ctx.query.get('due_at_unknown')) || dueDate(doc.data.due_date) === undefined,
  },
};

const settings = (
  path: string,
  table: ResourceSpec['table'],
  shape: Record<string, z.ZodType>,
  extra: Partial<ResourceSpec> = {},
): ResourceSpec => ({
  path,
  table,
  methods: ['GET', 'POST', 'PUT', 'PATCH'],
  archivable: true,
  shape,
  readOnly: ['practice_group', 'is_global'],
  defaults: (ctx) => ({ archived: false, practice_group: ctx.env.db.practiceGroup.id }),
  ...extra,
});

const offset = text().refine(
  (v) => v === '' || /^(\d+ )?(\d{1,2}:){0,2}\d{1,2}(\.\d{1,6})?$/.test(v),
  'Offset due date format should be "[DD] [HH:[MM:]]ss[.uuuuuu]".',
);

export const taskRoutes: Route[] = [
  ...resource(taskSpec),
  ...resource(
    settings(
      '/api/task_categories',
      (ctx) => ctx.env.db.taskCategories,
      { name: requiredText(), archived: bool().optional() },
      {
        defaults: (ctx) => ({
          archived: false,
          is_global: false,
          practice_group: ctx.env.db.practiceGroup.id,
        }),
      },
    ),
  ),
  ...resource(
    settings(
      '/api/task_statuses',
      (ctx) => ctx.env.db.taskStatuses,
      {
        name: requiredText(),
        status_category: choice(['O', 'P', 'H', 'C'] as const).optional(),
        task_category: intOrNull().optional(),
        archived: bool().optional(),
      },
      {
        defaults: (ctx) => ({
          archived: false,
          status_category: 'O',
          task_category: null,
          practice_group: ctx.env.db.practiceGroup.id,
        }),
        validate: (ctx, data) => {
          requireExisting(ctx.env.db.taskCategories, 'task_category', data.task_category);
        },
      },
    ),
  ),
  ...resource(
    settings(
      '/api/task_templates',
      (ctx) => ctx.env.db.taskTemplates,
      {
        name: requiredText(),
        archived: bool().optional(),
        default_assignee_group: intOrNull().optional(),
        default_assignee_user: intOrNull().optional(),
        // The reference spells it "defatul_category"; both spellings are accepted and kept.
        defatul_category: intOrNull().optional(),
        default_category: intOrNull().optional(),
        default_due_date_offset: offset.optional(),
        default_note: text().optional(),
        default_priority: priority.optional(),
        default_status: intOrNull().optional(),
        default_title: text().optional(),
      },
      {
        filters: {
          assignee_user: byInt('assignee_user', 'default_assignee_user'),
          assignee_group: byInt('assignee_group', 'default_assignee_group'),
          status: byInt('status', 'default_status'),
          category: byInt('category', 'defatul_category'),
        },
      },
    ),
  ),
];
