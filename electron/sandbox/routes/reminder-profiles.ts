import { z } from 'zod';
import type { Route } from '../router';
import { choice, positiveInt, requiredText } from '../validate';
import { requireExisting, resource } from './resource';

/**
 * `/api/reminder_profiles`: GET, POST, PUT, PATCH, DELETE, as the reference lists them. `doctor`,
 * `name` and `reminders` are required on POST/PUT; each reminder is `{amount, type, unit}` (the
 * legacy reference's format). Applying one to an appointment is `reminder_profile` on the
 * appointment (appointment-write.ts).
 */
export const reminderProfileRoutes: Route[] = resource({
  path: '/api/reminder_profiles',
  table: (ctx) => ctx.env.db.reminderProfiles,
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  stamps: { created: false, updated: false },
  softDelete: true,
  keepUnknown: false,
  shape: {
    doctor: positiveInt(),
    name: requiredText(),
    reminders: z.array(
      z.object({
        amount: positiveInt(),
        type: choice(['email', 'sms', 'auto_call']),
        unit: choice(['minutes', 'hours', 'days', 'weeks']),
      }),
    ),
  },
  validate: (ctx, data) => {
    requireExisting(ctx.env.db.doctors, 'doctor', data.doctor);
  },
});
