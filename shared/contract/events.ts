import { authStatusSchema, dataChangedSchema, lockStatusSchema, syncStatusSchema } from './models';

/** Pushes from main to the renderer. Callbacks receive the payload only, never the IPC event. */
export const events = {
  'sync:status': syncStatusSchema,
  'data:changed': dataChangedSchema,
  'auth:changed': authStatusSchema,
  'lock:changed': lockStatusSchema,
} as const;

export type EventName = keyof typeof events;
export const eventNames = Object.keys(events) as EventName[];
