import { z } from 'zod';
import type { AppointmentItem } from '../../shared/contract';
import {
  appointmentWritable,
  type AppointmentChanges,
  type AppointmentWritable,
} from '../../shared/drchrono';
import { normalizeWall, type WallTime } from '../../shared/time/practice-time';
import { changedFields } from '../forms';

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

/** An edit: only the fields that changed, with what the form started from as `base`. */
export function changesFromForm(
  initial: BookingFormInput,
  values: BookingFormValues,
): { changes: AppointmentChanges; base: AppointmentChanges; count: number } {
  const before = draftFromForm(bookingFormSchema.parse(initial));
  const after = draftFromForm(values);
  const all = changedFields(
    { ...before, status: before.status ?? '', profile: before.profile ?? null },
    { ...after, status: after.status ?? '', profile: after.profile ?? null },
  );
  return {
    changes: all.changes,
    base: all.base,
    count: all.count,
  };
}
