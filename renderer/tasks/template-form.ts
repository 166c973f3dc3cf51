import { z } from 'zod';
import { taskTemplateWritable, type TaskTemplate } from '../../shared/drchrono';

const shape = taskTemplateWritable.shape;
const absent = (v: unknown) => (v === null || v === '' ? undefined : v);

/**
 * A task template as the form holds it: the contract's fields, with the assignee as one choice and
 * the due offset as days and hours (drchrono's "[DD] [HH:[MM:]]ss" is built from them).
 */
export const templateFormSchema = z.strictObject({
  name: shape.name,
  default_title: shape.default_title,
  default_note: shape.default_note,
  default_priority: z.preprocess(absent, shape.default_priority),
  default_status: z.preprocess(absent, shape.default_status),
  defatul_category: z.preprocess(absent, shape.defatul_category),
  assignee: z.union([z.literal(''), z.string().regex(/^(u|g):\d+$/)]),
  due_days: z.union([z.literal(''), z.string().regex(/^\d{1,3}$/, 'Whole days, like 3')]),
  due_hours: z.union([z.literal(''), z.string().regex(/^\d{1,2}$/, 'Whole hours, 0 to 23')]),
  archived: z.boolean(),
});
export type TemplateFormInput = z.input<typeof templateFormSchema>;
export type TemplateFormOutput = z.output<typeof templateFormSchema>;

export function templateFormValues(t: TaskTemplate | null): TemplateFormInput {
  const offset = /^(?:(\d+) )?(\d{1,2}):\d{2}:\d{2}/.exec(t?.default_due_date_offset ?? '');
  const priority = t?.default_priority;
  return {
    name: t?.name ?? '',
    default_title: t?.default_title ?? '',
    default_note: t?.default_note ?? '',
    default_priority:
      priority === 10 || priority === 20 || priority === 30 || priority === 40 ? priority : null,
    default_status: t?.default_status ?? null,
    defatul_category: t?.defatul_category ?? t?.default_category ?? null,
    assignee: t?.default_assignee_user
      ? `u:${t.default_assignee_user}`
      : t?.default_assignee_group
        ? `g:${t.default_assignee_group}`
        : '',
    due_days: offset ? String(Number(offset[1] ?? 0)) : '',
    due_hours: offset && Number(offset[2]) > 0 ? String(Number(offset[2])) : '',
    archived: t?.archived === true,
  };
}

/** The contract's `taskTemplateWritable`, checked by it. */
export function templateBody(values: TemplateFormOutput) {
  const { assignee, due_days, due_hours, ...rest } = values;
  const [kind, id] = assignee.split(':');
  const hours = String(Number(due_hours || 0)).padStart(2, '0');
  const offset =
    due_days === '' && due_hours === '' ? undefined : `${Number(due_days || 0)} ${hours}:00:00`;
  return taskTemplateWritable.safeParse({
    ...Object.fromEntries(
      Object.entries(rest as Record<string, unknown>).filter(
        ([, v]) => v !== undefined && v !== '',
      ),
    ),
    ...(kind === 'u' ? { default_assignee_user: Number(id) } : {}),
    ...(kind === 'g' ? { default_assignee_group: Number(id) } : {}),
    ...(offset ? { default_due_date_offset: offset } : {}),
  });
}
