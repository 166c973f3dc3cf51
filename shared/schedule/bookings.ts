import type { WallTime } from '../time/practice-time';
import { spanOf, spansOverlap, type Span } from './spans';

/**
 * The fields of an appointment that decide whether it holds its exam room. Structural, so the
 * drchrono record, the renderer's view model and a draft being booked all fit.
 */
export interface RoomBooking {
  id?: string | undefined;
  office: number;
  exam_room: number;
  scheduled_time: WallTime;
  duration: number;
  status?: string | null | undefined;
  deleted_flag?: boolean | null | undefined;
  /** drchrono's read-only flag for appointments it lets overlap others. */
  allow_overlapping?: unknown;
}

/**
 * Whether the appointment takes its room, by drchrono's overlap rule: breaks do, cancelled or
 * deleted appointments do not.
 */
export function holdsRoom(booking: RoomBooking): boolean {
  return (
    booking.deleted_flag !== true &&
    booking.status !== 'Cancelled' &&
    booking.allow_overlapping !== true
  );
}

export function bookingSpan(booking: RoomBooking): Span {
  return spanOf(booking.scheduled_time, booking.duration);
}

export function sameRoom(a: RoomBooking, b: { office: number; exam_room: number }): boolean {
  return a.office === b.office && a.exam_room === b.exam_room;
}

/** Busy spans of one room, ignoring `excludeId` (the appointment being moved). */
export function busySpans(
  appointments: readonly RoomBooking[],
  room: { office: number; exam_room: number },
  excludeId?: string,
): Span[] {
  const out: Span[] = [];
  for (const a of appointments) {
    if (excludeId !== undefined && a.id === excludeId) continue;
    if (!sameRoom(a, room) || !holdsRoom(a)) continue;
    out.push(bookingSpan(a));
  }
  return out;
}

/**
 * The appointments a booking would clash with in its room, earliest first. The booking itself
 * (same id) never clashes with itself, so a move can be checked against the day it came from.
 */
export function findClashes<T extends RoomBooking>(
  candidate: RoomBooking,
  appointments: readonly T[],
): T[] {
  const span = bookingSpan(candidate);
  return appointments
    .filter(
      (a) =>
        (candidate.id === undefined || a.id !== candidate.id) &&
        sameRoom(a, candidate) &&
        holdsRoom(a) &&
        spansOverlap(bookingSpan(a), span),
    )
    .sort((a, b) => (a.scheduled_time < b.scheduled_time ? -1 : 1));
}
