import { z } from 'zod';
import { ApiError } from '../http';
import type { Doc, JsonRecord } from '../model';
import { isVerbose } from '../paginate';
import type { Ctx, Route } from '../router';
import { wallFromMinutes, wallMinutes, weekDay } from '../time';
import {
  bool,
  flag,
  int,
  intOrNull,
  positiveInt,
  requiredText,
  text,
  timeOfDay,
} from '../validate';
import { byInt, idOf, requireExisting, resource, type ResourceSpec } from './resource';
import { dateParam, intListParam, intParam } from './query';

/** Appointment profiles and templates (bookable blocks), with template `open_slots`. */

const profileSpec: ResourceSpec = {
  path: '/api/appointment_profiles',
  table: (ctx) => ctx.env.db.profiles,
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  archivable: true,
  stamps: { created: false, updated: false },
  shape: {
    color: requiredText(),
    duration: positiveInt(),
    name: requiredText(),
    online_scheduling: bool(),
    reason: text(),
    sort_order: intOrNull().optional(),
    doctor: int().optional(),
  },
  defaults: (ctx) => ({ doctor: ctx.user.data.doctor, sort_order: 0, archived: false }),
  validate: (ctx, data) => {
    requireExisting(ctx.env.db.doctors, 'doctor', data.doctor);
  },
};

const weekDays = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .filter(Boolean)
          .map((d) => d.trim())
      : v,
  z.array(int().pipe(z.number().min(0).max(6))).min(1),
);

export interface Slot {
  start: string;
  end: string;
}

/**
 * Free intervals of a template's block on a date, at least the profile's duration long. Busy
 * means any non-deleted, non-cancelled appointment in the template's exam room; with `strict`,
 * also the template doctor's appointments in any room (no double-booking across rooms).
 */
export function openSlots(ctx: Ctx, template: Doc, date: string, strict: boolean): Slot[] {
  const t = template.data;
  if (!Array.isArray(t.week_days) || !t.week_days.includes(weekDay(date))) return [];
  const start = wallMinutes(`${date}T${String(t.scheduled_time)}`);
  const end = start + Number(t.duration);
  const profile = ctx.env.db.profiles.get(Number(t.profile));
  const needed = Number(profile?.data.duration ?? t.duration);
  const busy = ctx.env.db
    .blocking()
    .filter(
      (a) =>
        a.scheduled_time.startsWith(date) &&
        ((a.office === t.office && a.exam_room === t.exam_room) ||
          (strict && a.doctor === t.doctor)),
    )
    .map((a) => {
      const s = wallMinutes(a.scheduled_time);
      return [s, s + a.duration] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  const slots: Slot[] = [];
  let cursor = start;
  const emit = (from: number, to: number) => {
    if (to - from >= needed) slots.push({ start: wallFromMinutes(from), end: wallFromMinutes(to) });
  };
  for (const [s, e] of busy) {
    if (e <= cursor) continue;
    if (s >= end) break;
    if (s > cursor) emit(cursor, Math.min(s, end));
    cursor = Math.max(cursor, e);
  }
  if (cursor < end) emit(cursor, end);
  return slots;
}

const slotsCache = new WeakMap<Ctx, Map<number, Slot[]>>();

function slotsFor(ctx: Ctx, template: Doc): Slot[] | undefined {
  const date = dateParam(ctx, 'available');
  if (date === undefined) return undefined;
  let cache = slotsCache.get(ctx);
  if (!cache) {
    cache = new Map<number, Slot[]>();
    slotsCache.set(ctx, cache);
  }
  let slots = cache.get(template.id);
  if (!slots) {
    slots = openSlots(
      ctx,
      template,
      date,
      ctx.query.has('strict') && flag(ctx.query.get('strict')),
    );
    cache.set(template.id, slots);
  }
  return slots;
}

function checkTemplate(ctx: Ctx, data: JsonRecord): void {
  const { db } = ctx.env;
  requireExisting(db.offices, 'office', data.office);
  requireExisting(db.profiles, 'profile', data.profile);
  requireExisting(db.doctors, 'doctor', data.doctor);
  const rooms = db.examRooms(idOf(data.office) ?? 0);
  const room = Number(data.exam_room);
  if (room < 1 || room > rooms.length)
    throw new ApiError(400, {
      exam_room: [`Exam room ${String(room)} does not exist in this office.`],
    });
  const start =
    Number(String(data.scheduled_time).slice(0, 2)) * 60 +
    Number(String(data.scheduled_time).slice(3, 5));
  if (start + Number(data.duration) > 24 * 60)
    throw new ApiError(400, { duration: ['The template must end on the day it starts.'] });
}

const templateSpec: ResourceSpec = {
  path: '/api/appointment_templates',
  table: (ctx) => ctx.env.db.templates,
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  archivable: true,
  stamps: { created: false, updated: false },
  shape: {
    duration: positiveInt(),
    exam_room: positiveInt(),
    office: int(),
    profile: int(),
    scheduled_time: timeOfDay(),
    week_days: weekDays,
    doctor: int().optional(),
  },
  readOnly: ['open_slots'],
  defaults: (ctx) => ({ doctor: ctx.user.data.doctor, archived: false }),
  validate: checkTemplate,
  guardList: (ctx) => {
    if (ctx.query.has('available') && intParam(ctx, 'office') === undefined)
      throw new ApiError(400, {
        office: ['The office parameter is required when using available.'],
      });
  },
  filters: {
    office: byInt('office'),
    profile: byInt('profile'),
    week_day: (doc, ctx) => {
      const days = intListParam(ctx, 'week_day');
      const own = doc.data.week_days;
      return (
        days === undefined || (Array.isArray(own) && own.some((d) => days.includes(Number(d))))
      );
    },
    available: (doc, ctx) => (slotsFor(ctx, doc)?.length ?? 1) > 0,
  },
  present: (ctx, doc, out) => {
    // Timestamps `YYYY-MM-DDTHH:MM:SS`, not bare times: slots then say which day they are on.
    if (isVerbose(ctx)) out.open_slots = slotsFor(ctx, doc) ?? null;
  },
};

export const scheduleRoutes: Route[] = [...resource(profileSpec), ...resource(templateSpec)];
