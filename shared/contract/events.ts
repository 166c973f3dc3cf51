import { capabilitiesSchema } from './capabilities';
import { authStatusSchema, dataChangedSchema, lockStatusSchema, syncStatusSchema } from './models';

/** Pushes from main to the renderer. Callbacks receive the payload only, never the IPC event. */
export const events = {
  'sync:status': syncStatusSchema,
  'data:changed': dataChangedSchema,
  'auth:changed': authStatusSchema,
  'lock:changed': lockStatusSchema,
  /** The capability table changed: a sign-in, or drchrono refused what was thought allowed. */
  'capabilities:changed': capabilitiesSchema,
} as const;

export type EventName = keyof typeof events;
export const eventNames = Object.keys(events) as EventName[];
