import { z } from 'zod';
import type { AppointmentItem } from '../../shared/contract';
import {
  appointmentWritable,
  type AppointmentChanges,
  type AppointmentWritable,
} from '../../shared/drchrono';
import { normalizeWall, type WallTime } from '../../shared/time/practice-time';
import { changedFields } from '../forms';
import { acceptedBase } from './accepted-base';

/**
 * The booking form: exactly what main accepts for an appointment (`appointmentWritable`), plus
 * whether it is a break. A visit needs a patient; a break has none.
 */
export const bookingFormSchema = appointmentWritable
  .extend({ is_break: z.boolean() })
  .superRefine((value, ctx) => {
    if (!value.is_break && value.patient === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['patient'],
        message: 'Choose the patient, or make it a break',
      });
    }
  });

export type BookingFormInput = z.input<typeof bookingFormSchema>;
export type BookingFormValues = z.output<typeof bookingFormSchema>;

/** The fields the dialog shows (for placing drchrono's 400 messages next to them). */
export const bookingFields = [
  'patient',
  'profile',
  'exam_room',
  'scheduled_time',
  'duration',
  'status',
  'reason',
  'notes',
  'is_walk_in',
  'doctor',
] as const;

/** `datetime-local` shows minutes; drchrono's times carry seconds. */
export function toInputTime(wall: WallTime): string {
  return normalizeWall(wall).slice(0, 16);
}

export function draftFromForm(values: BookingFormValues): AppointmentWritable {
  const { is_break: isBreak, ...rest } = values;
  const draft: AppointmentWritable = {
    ...rest,
    patient: isBreak ? null : rest.patient,
    scheduled_time: normalizeWall(rest.scheduled_time),
  };
  if (!draft.status) delete draft.status;
  if (draft.profile === null) delete draft.profile;
  if (!draft.color) delete draft.color;
  return draft;
}

export function formFromAppointment(a: AppointmentItem): BookingFormInput {
  return {
    doctor: a.doctor,
    office: a.office,
    exam_room: a.exam_room,
    patient: a.patient,
    is_break: a.patient === null,
    scheduled_time: toInputTime(a.scheduled_time),
    duration: a.duration,
    status: (a.status ?? '') as BookingFormInput['status'],
    reason: a.reason ?? '',
    notes: a.notes ?? '',
    color: a.color ?? '',
    profile: a.profile ?? null,
    is_walk_in: a.is_walk_in === true,
  };
}

/** The labels the dialog gives the fields, for messages about them. */
const fieldLabels: Record<string, string> = {
  patient: 'Patient',
  profile: 'Profile',
  exam_room: 'Exam room',
  scheduled_time: 'Start',
  duration: 'Duration (minutes)',
  status: 'Status',
  reason: 'Reason',
  notes: 'Notes',
  color: 'Colour',
  doctor: 'Provider',
  office: 'Office',
};

/**
 * What drchrono holds for an appointment that the form's rules (main's contract) refuse, e.g. a
 * duration of 0 made elsewhere: the dialog still opens with it, marks the fields and says what to
 * correct. Empty when everything can be saved as it is.
 */
export function initialProblems(initial: BookingFormInput): { fields: string[]; message: string } {
  const parsed = bookingFormSchema.safeParse(initial);
  if (parsed.success) return { fields: [], message: '' };
  const seen = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    // "Choose the patient" is the desk's own rule for new visits, not a value drchrono holds.
    if (!field || field === 'patient' || seen.has(field)) continue;
    const value = (initial as Record<string, unknown>)[field];
    const shown = typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
    seen.set(
      field,
      `${fieldLabels[field] ?? field} is ${shown} (${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)})`,
    );
  }
  if (seen.size === 0) return { fields: [], message: '' };
  return {
    fields: [...seen.keys()],
    message: `drchrono holds values for this appointment that cannot be saved as they are: ${[
      ...seen.values(),
    ].join('; ')}. Correct them to save; nothing was changed.`,
  };
}

/**
 * The values the form started from as a draft, without validating them: drchrono may hold what
 * the form's rules refuse (a duration of 0), and an edit must still be computed against it.
 */
function startingDraft(initial: BookingFormInput): Record<string, unknown> {
  const { is_break: isBreak, ...rest } = initial;
  return {
    ...rest,
    patient: isBreak ? null : rest.patient,
    scheduled_time: normalizeWall(rest.scheduled_time),
    status: rest.status ?? '',
    profile: rest.profile ?? null,
  };
}

/** An edit: only the fields that changed, with what the form started from as `base`. */
export function changesFromForm(
  initial: BookingFormInput,
  values: BookingFormValues,
): { changes: AppointmentChanges; base: AppointmentChanges; count: number } {
  const before = startingDraft(initial);
  const after = draftFromForm(values);
  const all = changedFields(before, {
    ...after,
    status: after.status ?? '',
    profile: after.profile ?? null,
  });
  return {
    changes: all.changes,
    base: acceptedBase(all.base),
    count: all.count,
  };
}
