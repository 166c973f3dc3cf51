import type { z } from 'zod';
import { appointmentChanges, type AppointmentChanges } from '../../shared/drchrono';

/**
 * The old values sent as an edit's `base`, less those main's contract would refuse: drchrono may
 * hold what our rules do not accept (a duration of 0 made elsewhere). Such a field is sent without
 * claiming to know what was there, instead of the whole edit being refused at the IPC boundary.
 */
export function acceptedBase(base: Record<string, unknown>): AppointmentChanges {
  const shape = appointmentChanges.shape as Record<string, z.ZodType>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) {
    if (shape[key]?.safeParse(value).success) out[key] = value;
  }
  return out;
}
