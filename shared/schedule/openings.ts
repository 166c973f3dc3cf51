import { isNaiveTimestamp, wallAt, type IsoDate, type WallTime } from '../time/practice-time';
import { busySpans, type RoomBooking } from './bookings';
import { missingWallSpans, officeDaySpan, type OfficeHoursLike } from './office-hours';
import {
  ceilToStep,
  intersectSpans,
  minutesToWall,
  spanOf,
  subtractSpans,
  wallMinutes,
  type Span,
} from './spans';
import { expandTemplates, templateMatches, type TemplateLike } from './templates';

/** A bookable slot for a profile: where "Find next opening" lands. */
export interface Opening {
  start: WallTime;
  end: WallTime;
  examRoom: number;
  templateId: number | null;
}

export interface OpeningQuery {
  date: IsoDate;
  profile: { id: number; duration: number };
  office: OfficeHoursLike & { id: number };
  examRoom?: number | undefined;
  doctorId?: number | undefined;
  /** Nothing before this wall time (usually now). */
  from: WallTime;
  /** The practice zone: skipped DST wall times are never offered. */
  zone?: string | undefined;
  /** Starts land on this grid, in minutes past midnight (default 5). */
  step?: number | undefined;
}

export interface Candidate {
  free: Span[];
  examRoom: number;
  templateId: number | null;
}

export function firstFit(candidates: readonly Candidate[], q: OpeningQuery): Opening | null {
  const step = q.step ?? 5;
  let best: Opening | null = null;
  let bestStart = Infinity;
  for (const c of candidates) {
    for (const span of c.free) {
      const start = ceilToStep(span.start, step);
      if (start + q.profile.duration > span.end) continue;
      if (start < bestStart || (start === bestStart && best && c.examRoom < best.examRoom)) {
        bestStart = start;
        best = {
          start: minutesToWall(start),
          end: minutesToWall(start + q.profile.duration),
          examRoom: c.examRoom,
          templateId: c.templateId,
        };
      }
      break;
    }
  }
  return best;
}

export function usable(q: OpeningQuery): Span[] {
  const day = officeDaySpan(q.office, q.date);
  const from = Math.max(day.start, wallMinutes(q.from));
  return from < day.end ? [{ start: from, end: day.end }] : [];
}

export function blocked(
  q: OpeningQuery,
  appointments: readonly RoomBooking[] | null,
  examRoom: number,
): Span[] {
  const busy = appointments
    ? busySpans(appointments, { office: q.office.id, exam_room: examRoom })
    : [];
  if (q.zone) busy.push(...missingWallSpans(q.date, q.zone));
  return busy;
}

/**
 * The earliest opening on one date from the profile's templates and the day's appointments
 * (all computed locally, no call): template blocks within office hours, after `from`, minus what
 * holds each room.
 */
export function openingFromTemplates(
  q: OpeningQuery & {
    templates: readonly TemplateLike[];
    appointments: readonly RoomBooking[];
  },
): Opening | null {
  const blocks = expandTemplates(
    q.templates,
    { start: q.date, end: q.date },
    { officeId: q.office.id, examRoom: q.examRoom, profileId: q.profile.id, doctorId: q.doctorId },
  );
  const open = usable(q);
  const candidates = blocks.map((b) => ({
    examRoom: b.examRoom,
    templateId: b.templateId,
    free: subtractSpans(
      intersectSpans([{ start: wallMinutes(b.start), end: wallMinutes(b.end) }], open),
      blocked(q, q.appointments, b.examRoom),
    ),
  }));
  return firstFit(candidates, q);
}

/** A template as `GET /api/appointment_templates?available=…&verbose=true` returns it. */
export interface TemplateWithOpenSlots extends TemplateLike {
  open_slots?: readonly { start: string; end: string }[] | null | undefined;
}

/** drchrono sends slot bounds as full wall times; bare times of day are read on the date asked. */
function slotWall(value: string, date: IsoDate): WallTime | null {
  if (isNaiveTimestamp(value)) return value;
  return /^\d{2}:\d{2}(:\d{2})?$/.test(value) ? wallAt(date, value) : null;
}

/**
 * The earliest opening on one date from drchrono's own `open_slots`, checked against the cached
 * book when there is one (it may hold our own bookings drchrono has not seen yet).
 */
export function openingFromOpenSlots(
  q: OpeningQuery & {
    templates: readonly TemplateWithOpenSlots[];
    appointments: readonly RoomBooking[] | null;
  },
): Opening | null {
  const open = usable(q);
  const candidates: Candidate[] = [];
  for (const t of q.templates) {
    const filter = {
      officeId: q.office.id,
      examRoom: q.examRoom,
      profileId: q.profile.id,
      doctorId: q.doctorId,
    };
    if (!templateMatches(t, filter)) continue;
    const spans: Span[] = [];
    for (const slot of t.open_slots ?? []) {
      const start = slotWall(slot.start, q.date);
      const end = slotWall(slot.end, q.date);
      if (!start || !end || !start.startsWith(q.date)) continue;
      const span = spanOf(start, 0);
      spans.push({ start: span.start, end: wallMinutes(end) });
    }
    candidates.push({
      examRoom: t.exam_room,
      templateId: t.id,
      free: subtractSpans(intersectSpans(spans, open), blocked(q, q.appointments, t.exam_room)),
    });
  }
  return firstFit(candidates, q);
}
