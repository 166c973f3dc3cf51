import { z } from 'zod';
import {
  appointmentChanges,
  appointmentProfileSchema,
  appointmentProfileWritable,
  appointmentTemplateSchema,
  appointmentTemplateWritable,
  appointmentWritable,
  isoDate,
  naiveTimestamp,
  officeSchema,
} from '../drchrono';
import { appointmentId, channel, id, none, shortText } from './define';
import { appointmentItemSchema, bookSchema, practiceSchema, writeStateSchema } from './models';

const rangeRequest = z
  .strictObject({
    start: isoDate,
    /** Inclusive. */
    end: isoDate,
    officeId: id.optional(),
    doctorId: id.optional(),
  })
  .refine((r) => r.start <= r.end, { message: 'The range ends before it starts', path: ['end'] });

const appointmentWrite = z.strictObject({
  appointment: appointmentItemSchema,
  state: writeStateSchema,
});

export const calendarChannels = {
  /** Reference data: offices and rooms, doctors, profiles, templates, users. From cache first. */
  'practice:get': channel(none, practiceSchema),
  'practice:refresh': channel(none, practiceSchema),

  /** The book for a range of practice dates: cached days cost no calls until they are stale. */
  'appointments:list': channel(rangeRequest, bookSchema),
  'appointments:get': channel(z.strictObject({ id: appointmentId }), bookSchema),
  'appointments:forPatient': channel(
    z.strictObject({ patientId: id }),
    z.strictObject({
      past: bookSchema.shape.appointments,
      upcoming: bookSchema.shape.appointments,
    }),
  ),
  /** A 409 answers `conflict` with the clashing appointment and the nearest free slots; nothing is booked. */
  'appointments:create': channel(
    z.strictObject({ appointment: appointmentWritable }),
    appointmentWrite,
  ),
  /**
   * One PATCH with only `changes`. `base` holds the same fields as the user saw them before the
   * edit: it is how undo restores them and how a replay tells someone else's change from ours.
   */
  'appointments:update': channel(
    z.strictObject({ id: appointmentId, changes: appointmentChanges, base: appointmentChanges }),
    appointmentWrite,
  ),
  'appointments:delete': channel(
    z.strictObject({ id: appointmentId }),
    z.strictObject({ state: writeStateSchema }),
  ),

  /** The earliest open slot for a profile: templates' open slots, checked against the cached book. */
  'schedule:findOpening': channel(
    z.strictObject({
      profileId: id,
      officeId: id,
      from: naiveTimestamp,
      examRoom: z.int().positive().max(100).optional(),
      doctorId: id.optional(),
      /** How many practice days to look through (each uncached day may cost a call). */
      days: z.int().min(1).max(60).optional(),
    }),
    z.strictObject({
      opening: z
        .strictObject({
          start: naiveTimestamp,
          end: naiveTimestamp,
          examRoom: z.int(),
          templateId: z.int().nullable(),
        })
        .nullable(),
      searchedThrough: isoDate,
    }),
  ),

  'profiles:list': channel(
    z.strictObject({ includeArchived: z.boolean().optional() }),
    z.array(appointmentProfileSchema),
  ),
  'profiles:create': channel(
    z.strictObject({ profile: appointmentProfileWritable }),
    appointmentProfileSchema,
  ),
  'profiles:update': channel(
    z.strictObject({ id, changes: appointmentProfileWritable.partial() }),
    appointmentProfileSchema,
  ),
  /** drchrono's DELETE archives a profile; it stays on past appointments. */
  'profiles:archive': channel(z.strictObject({ id }), z.strictObject({})),

  'templates:list': channel(
    z.strictObject({ officeId: id.optional() }),
    z.array(appointmentTemplateSchema),
  ),
  'templates:create': channel(
    z.strictObject({ template: appointmentTemplateWritable }),
    appointmentTemplateSchema,
  ),
  'templates:update': channel(
    z.strictObject({ id, changes: appointmentTemplateWritable.partial() }),
    appointmentTemplateSchema,
  ),
  'templates:delete': channel(z.strictObject({ id }), z.strictObject({})),

  'offices:addExamRoom': channel(
    z.strictObject({
      officeId: id,
      name: shortText.trim().min(1, 'Name the room'),
      onlineScheduling: z.boolean().optional(),
    }),
    officeSchema,
  ),
} as const;
