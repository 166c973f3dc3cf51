import { z } from 'zod';
import { isoDate, nullableInt, nullableString } from './common';

export const taskPriorities = { 10: 'Low', 20: 'Medium', 30: 'High', 40: 'Urgent' } as const;
export const taskPriority = z.union([z.literal(10), z.literal(20), z.literal(30), z.literal(40)]);
export const statusCategories = {
  O: 'Open',
  P: 'In progress',
  H: 'On hold',
  C: 'Complete',
} as const;

/** `due_date`, `notes` and `associated_items` are "click link for format": keep unknown keys. */
export const taskDueDateSchema = z.looseObject({
  due_date: nullableString,
  due_time: nullableString,
});
export const taskNoteSchema = z.looseObject({
  text: nullableString,
  created_at: nullableString,
  created_by: nullableInt,
});
export const taskAssociatedItemSchema = z.looseObject({
  type: z.string(),
  id: z.union([z.string(), z.int()]).transform((v) => String(v)),
});

export const taskSchema = z.looseObject({
  id: z.int(),
  title: z.string(),
  status: z.int(),
  priority: nullableInt,
  category: nullableInt,
  assignee_user: nullableInt,
  assignee_group: nullableInt,
  due_date: taskDueDateSchema.nullish(),
  notes: z.array(taskNoteSchema).nullish(),
  associated_items: z.array(taskAssociatedItemSchema).nullish(),
  archived: z.boolean().nullish(),
  created_at: nullableString,
  updated_at: nullableString,
});
export type Task = z.infer<typeof taskSchema>;

/** The writable fields; `taskWritable` adds the rule that someone must own the task. */
export const taskFields = z.strictObject({
  title: z.string().trim().min(1, 'Give the task a title').max(200),
  status: z.int().positive('Choose a status'),
  priority: taskPriority.optional(),
  category: z.int().positive().nullable().optional(),
  assignee_user: z.int().positive().nullable().optional(),
  assignee_group: z.int().positive().nullable().optional(),
  due_date: z
    .strictObject({ due_date: isoDate, due_time: z.string().nullable().optional() })
    .nullable()
    .optional(),
  notes: z.array(z.strictObject({ text: z.string().trim().min(1).max(2000) })).optional(),
  associated_items: z
    .array(z.strictObject({ type: z.enum(['patient', 'appointment']), id: z.string().min(1) }))
    .optional(),
  archived: z.boolean().optional(),
});
export const taskWritable = taskFields.refine(
  (t) => t.assignee_user != null || t.assignee_group != null,
  {
    message: 'Assign the task to a person or a group',
    path: ['assignee_user'],
  },
);
export const taskChanges = taskFields.partial();
export type TaskChanges = z.infer<typeof taskChanges>;
export type TaskWritable = z.infer<typeof taskWritable>;

export const taskCategorySchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  archived: z.boolean().nullish(),
  is_global: z.boolean().nullish(),
});
export type TaskCategory = z.infer<typeof taskCategorySchema>;

export const taskStatusSchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  status_category: nullableString,
  task_category: nullableInt,
  archived: z.boolean().nullish(),
});
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskTemplateSchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  default_title: nullableString,
  default_note: nullableString,
  default_priority: nullableInt,
  default_status: nullableInt,
  default_assignee_user: nullableInt,
  default_assignee_group: nullableInt,
  // The reference spells it "defatul_category"; accept both and write the documented one back.
  defatul_category: nullableInt,
  default_category: nullableInt,
  default_due_date_offset: nullableString,
  archived: z.boolean().nullish(),
});
export type TaskTemplate = z.infer<typeof taskTemplateSchema>;

export const taskCategoryWritable = z.strictObject({
  name: z.string().trim().min(1, 'Name the category').max(100),
  archived: z.boolean().optional(),
});
export const taskStatusWritable = z.strictObject({
  name: z.string().trim().min(1, 'Name the status').max(100),
  status_category: z.enum(['O', 'P', 'H', 'C']).optional(),
  task_category: z.int().positive().nullable().optional(),
  archived: z.boolean().optional(),
});
export const taskTemplateWritable = z.strictObject({
  name: z.string().trim().min(1, 'Name the template').max(100),
  default_title: z.string().trim().max(200).optional(),
  default_note: z.string().trim().max(2000).optional(),
  default_priority: taskPriority.optional(),
  default_status: z.int().positive().optional(),
  default_assignee_user: z.int().positive().optional(),
  default_assignee_group: z.int().positive().optional(),
  defatul_category: z.int().positive().optional(),
  default_due_date_offset: z
    .string()
    .regex(/^(\d+ )?(\d{1,2}:){0,2}\d{1,2}(\.\d{1,6})?$/, 'Like "3 00:00:00" for three days')
    .optional(),
  archived: z.boolean().optional(),
});
