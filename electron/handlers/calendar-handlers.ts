import type { AppointmentItem, Practice, ReplyOf } from '../../shared/contract';
import type { calendarChannels } from '../../shared/contract/calendar-channels';
import { appointmentTemplateSchema, type AppointmentChanges } from '../../shared/drchrono';
import { err, ok, type AppError } from '../../shared/result';
import {
  clashLabel,
  deskLocale,
  expandTemplates,
  findClashes,
  formatClock,
  nearestFreeSlots,
  openingFromOpenSlots,
  openingFromTemplates,
  openingInFreeRooms,
  earlierOpening,
  patientName,
  roomName,
  type RoomBooking,
} from '../../shared/schedule';
import { addDays, instantToWall, wallDate, type IsoDate } from '../../shared/time/practice-time';
import type { Services } from '../app/services';
import { toErr } from '../sync/failures';
import type { HandlerGroup } from './types';

/** The calendar settings (profiles, templates, exam rooms) are practice-settings-handlers.ts's. */
type CalendarChannel = Exclude<
  keyof typeof calendarChannels,
  `profiles:${string}` | `templates:${string}` | 'offices:addExamRoom'
>;

/** How many uncached days "Find next opening" may spend a call on, at most, per search. */
export const maxOpeningCalls = 7;
/** Below this share of the hour's cap left, the search stops rather than spend the desk's reserve. */
const openingBudgetFloor = 0.15;

/**
 * The calendar's channels: reference data and the book through the sync services (cache first,
 * edits through the outbox), slot finding on top of them, and the calendar's settings (profiles,
 * templates, exam rooms) straight to drchrono, since those are rare admin edits made online.
 */
export function createCalendarHandlers(): HandlerGroup<CalendarChannel> {
  return {
    'practice:get': (_request, s) => s.practice.get(),
    'practice:refresh': (_request, s) => s.practice.get({ refresh: true }),

    'appointments:list': async (request, s) => {
      const range = {
        start: request.start,
        end: request.end,
        officeId: request.officeId,
        doctorId: request.doctorId,
      };
      const book = await s.book.range(range);
      // The dates on screen are the ones sync keeps fresh.
      if (book.ok) s.sync.watch(range);
      return book;
    },
    'appointments:get': (request, s) => s.book.get(request.id),
    'appointments:forPatient': (request, s) => s.book.forPatient(request.patientId),

    'appointments:create': async (request, s) => {
      const draft = request.appointment;
      const reply = await s.book.create(draft);
      if (reply.ok || reply.error.code !== 'conflict') return reply;
      return { ok: false, error: await explainClash(s, { ...draft, id: undefined }, reply.error) };
    },
    'appointments:update': async (request, s) => {
      const reply = await s.book.update(request.id, request.changes, request.base);
      if (reply.ok || reply.error.code !== 'conflict') return reply;
      const current = await currentAppointment(s, request.id, request.changes, request.base);
      if (!current) return reply;
      const moved = { ...current, ...pickPlacement(request.changes), id: request.id };
      return { ok: false, error: await explainClash(s, moved, reply.error) };
    },
    'appointments:delete': (request, s) => s.book.remove(request.id),

    'schedule:findOpening': (request, s) => findOpening(request, s),
  };
}

function pickPlacement(changes: AppointmentChanges): Partial<RoomBooking> {
  const out: Partial<RoomBooking> = {};
  if (changes.scheduled_time !== undefined) out.scheduled_time = changes.scheduled_time;
  if (changes.exam_room !== undefined) out.exam_room = changes.exam_room;
  if (changes.duration !== undefined) out.duration = changes.duration;
  if (changes.office !== undefined) out.office = changes.office;
  return out;
}

/** The appointment as the book holds it, without spending a call when the day is in memory. */
async function currentAppointment(
  s: Services,
  id: string,
  changes: AppointmentChanges,
  base: AppointmentChanges,
): Promise<AppointmentItem | null> {
  for (const when of [base.scheduled_time, changes.scheduled_time]) {
    if (!when) continue;
    const found = s.book.cachedDay(wallDate(when))?.find((a) => a.id === id);
    if (found) return found;
  }
  const book = await s.book.get(id);
  return book.ok ? (book.value.appointments.find((a) => a.id === id) ?? null) : null;
}

/**
 * A 409 from drchrono says only that the room is taken. Name the appointment it clashes with
 * ("10:00 Dale Whitaker, Exam 2") and offer the nearest free slots in that room, all from the
 * cached day: explaining a refusal must not cost another call.
 */
async function explainClash(s: Services, wanted: RoomBooking, error: AppError): Promise<AppError> {
  const practice = s.practice.cached() ?? (await practiceOrNull(s));
  const office = practice?.offices.find((o) => o.id === wanted.office);
  const date = wallDate(wanted.scheduled_time);
  let day = s.book.cachedDay(date) ?? [];
  // drchrono may name the appointment in the way; the sandbox does (`conflicting_appointment`).
  const { conflicting_appointment: namedByServer, ...fields } = error.fields ?? {};
  const knownId = error.conflict?.appointmentId ?? namedByServer ?? null;
  let clash =
    (knownId !== null ? day.find((a) => a.id === knownId) : undefined) ??
    findClashes(wanted, day)[0];
  if (!clash && knownId !== null) {
    // Booked elsewhere since this day was cached: look it up once, to name it and to keep it out
    // of the free slots offered instead.
    const looked = await s.book.get(knownId);
    clash = looked.ok ? looked.value.appointments.find((a) => a.id === knownId) : undefined;
    if (clash) day = [...day, clash];
  }
  if (!clash && error.status !== 409) return error; // someone else's field change, not a room clash

  let label: string | null = null;
  if (clash) {
    const names = clash.patient === null ? {} : s.roster.briefs([clash.patient]);
    // Said the way this desk reads times (Settings, else the practice's country), as the
    // renderer's own notices are.
    const { hour12 } = deskLocale(s.prefs.get().calendar, practice?.offices ?? []);
    label = clashLabel(
      {
        scheduledTime: clash.scheduled_time,
        patient: clash.patient,
        patientName: patientName(clash.patient === null ? null : names[String(clash.patient)]),
        room: roomName(office, clash.exam_room),
      },
      (wall) => formatClock(wall, hour12),
    );
  }
  const zone = practice?.timezone;
  const now = zone ? instantToWall(s.clock.now(), zone) : undefined;
  const nearestFree = office
    ? nearestFreeSlots({
        date,
        office,
        examRoom: wanted.exam_room,
        appointments: day,
        excludeId: wanted.id,
        around: wanted.scheduled_time,
        duration: wanted.duration,
        zone,
        notBefore: now && now.slice(0, 10) === date ? now : undefined,
      })
    : [];
  const { fields: _serverFields, ...rest } = error;
  return {
    ...rest,
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    code: 'conflict',
    message: label
      ? `That time is taken in ${roomName(office, wanted.exam_room)}: it clashes with ${label}. Nothing was changed.`
      : error.message,
    conflict: { appointmentId: clash?.id ?? knownId, label, nearestFree },
  };
}

async function practiceOrNull(s: Services): Promise<Practice | null> {
  const practice = await s.practice.get();
  return practice.ok ? practice.value : null;
}

/**
 * The earliest opening for a profile. Days whose book is cached are answered locally from the
 * templates; only an uncached day with a template that day costs one call (drchrono's
 * `available` + verbose `open_slots`), and the search stops early rather than eat the desk's share
 * of the hourly quota.
 */
async function findOpening(
  request: Parameters<HandlerGroup<'schedule:findOpening'>['schedule:findOpening']>[0],
  s: Services,
): Promise<ReplyOf<'schedule:findOpening'>> {
  const practice = await s.practice.get();
  if (!practice.ok) return practice;
  const { timezone: zone, offices, profiles, templates } = practice.value;
  const office = offices.find((o) => o.id === request.officeId);
  if (!office) return err('not_found', 'That office is not in this practice.');
  const profile = profiles.find((p) => p.id === request.profileId);
  if (!profile) return err('not_found', 'That appointment profile no longer exists.');

  const days = request.days ?? 14;
  const first = wallDate(request.from);
  const last = addDays(first, days - 1);
  const filter = {
    officeId: office.id,
    examRoom: request.examRoom,
    profileId: profile.id,
    doctorId: request.doctorId,
  };
  const blockDates = new Set(
    expandTemplates(templates, { start: first, end: last }, filter).map((b) => b.date),
  );
  let searchedThrough: IsoDate = first;
  let calls = 0;
  const rooms = office.exam_rooms.map((r) => r.index);
  for (let i = 0; i < days; i++) {
    const date = addDays(first, i);
    const cached = s.book.cachedDay(date, office.id);
    // A day held in memory with visits or template hours is a working day: any empty room
    // counts, template or not (a walk-in fits wherever a room is free). Today comes first.
    const working = blockDates.has(date) || (cached !== null && cached.length > 0);
    if (!working) {
      searchedThrough = date;
      continue;
    }
    const query = {
      date,
      profile,
      office,
      examRoom: request.examRoom,
      doctorId: request.doctorId,
      from: i === 0 ? request.from : `${date}T00:00:00`,
      zone,
    };
    let opening;
    if (cached) {
      opening = earlierOpening(
        blockDates.has(date)
          ? openingFromTemplates({ ...query, templates, appointments: cached })
          : null,
        openingInFreeRooms({ ...query, rooms, appointments: cached }),
      );
    } else {
      if (calls >= maxOpeningCalls || s.budget.remainingShare() < openingBudgetFloor) break;
      calls += 1;
      const listed = await s.client.list(
        '/api/appointment_templates',
        appointmentTemplateSchema,
        { available: date, office: office.id, profile: profile.id },
        { priority: 'user', verbose: true },
      );
      if (!listed.ok) {
        if (calls === 1) return toErr(listed.failure);
        break;
      }
      opening = openingFromOpenSlots({
        ...query,
        templates: listed.value.items,
        appointments: null,
      });
    }
    searchedThrough = date;
    if (opening) return ok({ opening, searchedThrough });
  }
  return ok({ opening: null, searchedThrough });
}
