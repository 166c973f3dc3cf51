import { ApiError, empty, json, notFound } from '../http';
import type { Appointment, JsonRecord } from '../model';
import { isVerbose, paginate } from '../paginate';
import { route, type Ctx, type Route } from '../router';
import { daysBetween, formatStamp, practiceDate } from '../time';
import { bodyItems, bodyObject } from '../validate';
import {
  applyReminderProfile,
  checkAppointment,
  conflictError,
  findConflict,
  type Checked,
} from './appointment-write';
import { dateParam, dateRangeParam, instantParam, intParam } from './query';
import { listsRemoved } from './resource';

const verboseKeys = new Set([
  'clinical_note',
  'custom_vitals',
  'vitals',
  'reminders',
  'extended_updated_at',
]);

/** The API shape. Shares nested values with the record: serialize or clone before handing out. */
export function presentAppointment(ctx: Ctx, a: Appointment, verbose = isVerbose(ctx)): JsonRecord {
  const { extra, createdMs, updatedMs, ...fields } = a;
  const patient = a.patient === null ? undefined : ctx.env.db.patients.get(a.patient);
  const insurance = (slot: string): JsonRecord =>
    (patient?.data[slot] as JsonRecord | undefined) ?? {};
  const primary = insurance('primary_insurance');
  const secondary = insurance('secondary_insurance');
  const tz = ctx.env.timezone;
  const out: JsonRecord = {
    ...extra,
    ...fields,
    appt_is_break: a.patient === null,
    billing_provider: a.doctor,
    billing_notes: [],
    supervising_provider: null,
    primary_insurer_payer_id: primary.insurance_payer_id ?? '',
    primary_insurer_name: primary.insurance_company ?? '',
    primary_insurance_id_number: primary.insurance_id_number ?? '',
    secondary_insurer_payer_id: secondary.insurance_payer_id ?? '',
    secondary_insurer_name: secondary.insurance_company ?? '',
    secondary_insurance_id_number: secondary.insurance_id_number ?? '',
    created_at: formatStamp(createdMs, tz),
    updated_at: formatStamp(updatedMs, tz),
    extended_updated_at: formatStamp(updatedMs, tz),
  };
  return verbose
    ? out
    : Object.fromEntries(Object.entries(out).filter(([k]) => !verboseKeys.has(k)));
}

const byTime = (a: Appointment, b: Appointment): number =>
  a.scheduled_time < b.scheduled_time
    ? -1
    : a.scheduled_time > b.scheduled_time
      ? 1
      : Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Lists need `since`, `date` or `date_range`. Deleted appointments are left out of every list,
 * `since` included, unless `show_archived` is present; then they come with `deleted_flag: true`
 * (in `since` lists only while `sinceReportsDeletions` is on).
 */
function list(ctx: Ctx): Response {
  const since = instantParam(ctx, 'since');
  const date = dateParam(ctx, 'date');
  const range = dateRangeParam(ctx, 'date_range');
  if (since === undefined && date === undefined && range === undefined)
    throw new ApiError(400, {
      detail: 'One of the since, date or date_range query parameters is required.',
    });
  if (range) {
    const today = practiceDate(ctx.now, ctx.env.timezone);
    if (daysBetween(range[0], range[1]) > 190 && range[1] >= today)
      throw new ApiError(400, {
        date_range: ['The date range cannot be longer than 190 days unless it is in the past.'],
      });
  }
  const doctor = intParam(ctx, 'doctor');
  const office = intParam(ctx, 'office');
  const patient = intParam(ctx, 'patient');
  const removed = listsRemoved(ctx, since);
  const found = ctx.env.db.appointments.all().filter((a) => {
    const day = a.scheduled_time.slice(0, 10);
    return (
      (removed || !a.deleted_flag) &&
      (since === undefined || a.updatedMs >= since) &&
      (date === undefined || day === date) &&
      (range === undefined || (day >= range[0] && day <= range[1])) &&
      (doctor === undefined || a.doctor === doctor) &&
      (office === undefined || a.office === office) &&
      (patient === undefined || a.patient === patient)
    );
  });
  return paginate(ctx, found.sort(byTime), (a) => presentAppointment(ctx, a));
}

/** Deleted appointments stay readable by id (with `deleted_flag: true`) but refuse writes. */
function find(ctx: Ctx, forWrite: boolean): Appointment {
  const a = ctx.env.db.appointments.get(ctx.params.id ?? '');
  if (!a || (forWrite && a.deleted_flag)) throw notFound();
  return a;
}

function create(ctx: Ctx): Response {
  const { items, many } = bodyItems(ctx.body);
  const checked: Checked[] = items.map((item) => checkAppointment(ctx, item, undefined, false));
  if (checked.some((c) => !c.ok)) {
    const errors = checked.map((c) => (c.ok ? {} : c.errors));
    throw new ApiError(400, many ? errors : errors[0]);
  }
  // All or nothing: a list that clashes with itself or the book creates none of its items.
  const pending: Appointment[] = [];
  for (const c of checked) {
    if (!c.ok) continue;
    const conflict = findConflict(ctx, c.record, pending);
    if (conflict) {
      ctx.env.stats.conflicts++;
      throw conflictError(ctx, c.record, conflict);
    }
    pending.push(c.record);
  }
  const created = checked.map((c, i) => {
    const record = pending[i] as Appointment;
    record.id = ctx.env.db.appointments.allocate();
    record.createdMs = ctx.now;
    record.updatedMs = ctx.now;
    if (c.ok && c.reminderProfile != null) applyReminderProfile(ctx, record, c.reminderProfile);
    ctx.env.db.appointments.insert(record);
    return presentAppointment(ctx, record);
  });
  return json(201, many ? created : created[0]);
}

const schedulingKeys = ['scheduled_time', 'duration', 'office', 'exam_room', 'status'];

const update =
  (partial: boolean) =>
  (ctx: Ctx): Response => {
    const existing = find(ctx, true);
    const body = bodyObject(ctx.body);
    const result = checkAppointment(ctx, body, existing, partial);
    if (!result.ok) throw new ApiError(400, result.errors);
    // Only a change that moves the appointment (or revives a cancelled one) is checked for
    // overlaps, so editing the notes of an already double-booked visit still works.
    if (!partial || schedulingKeys.some((k) => k in body)) {
      const conflict = findConflict(ctx, result.record);
      if (conflict) {
        ctx.env.stats.conflicts++;
        throw conflictError(ctx, result.record, conflict);
      }
    }
    if (result.reminderProfile != null)
      applyReminderProfile(ctx, result.record, result.reminderProfile);
    result.record.updatedMs = ctx.now;
    Object.assign(existing, result.record);
    return empty(204);
  };

function remove(ctx: Ctx): Response {
  const a = find(ctx, true);
  a.deleted_flag = true;
  a.updatedMs = ctx.now;
  return empty(204);
}

export const appointmentRoutes: Route[] = [
  route('/api/appointments', { GET: list, POST: create }),
  route('/api/appointments/:id', {
    GET: (ctx) => json(200, presentAppointment(ctx, find(ctx, false))),
    PUT: update(false),
    PATCH: update(true),
    DELETE: remove,
  }),
];
