import type { AppointmentItem, PatientBrief, Practice } from '../../shared/contract';
import type { AppointmentProfile, Office } from '../../shared/drchrono';
import { officeDayBounds } from '../../shared/schedule';
import {
  addMinutesToWall,
  minutesBetweenWalls,
  type IsoDate,
  type WallTime,
} from '../../shared/time/practice-time';
import type { SlotSelection } from './BookCalendar';
import type { BookingRequest } from './BookingDialog';
import { formFromAppointment, toInputTime } from './booking-form';

const pad = (n: number) => String(n).padStart(2, '0');
export const timeOfDay = (minutes: number) =>
  `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;

/**
 * A click selects one 5-minute snap where the pointer was; the desk means the slot it clicked in
 * (10:00 in a 15-minute grid, not 10:05). A drag keeps exactly what was dragged.
 */
export function clickToSlot(slot: SlotSelection, slotMinutes: number): SlotSelection {
  const length = minutesBetweenWalls(slot.start, slot.end);
  if (length >= slotMinutes) return slot;
  const minutes = Number(slot.start.slice(11, 13)) * 60 + Number(slot.start.slice(14, 16));
  const start = addMinutesToWall(slot.start, -(minutes % slotMinutes));
  return { ...slot, start, end: addMinutesToWall(start, slotMinutes) };
}

export interface NewBookingContext {
  practice: Practice;
  office: Office;
  profiles: ReadonlyMap<number, AppointmentProfile>;
  /** The date on screen. */
  date: IsoDate;
  /** The practice's wall clock now. */
  now: WallTime;
  doctorId: number | null;
  slotMinutes: number;
}

/**
 * What the booking dialog opens with: the selected slot (or the next five minutes today once the
 * office is open, else its opening); inside a template block, its profile and doctor.
 */
export function newBookingRequest(
  slot: SlotSelection | null,
  patient: PatientBrief | null,
  c: NewBookingContext,
): BookingRequest {
  const { office, date } = c;
  const opening: WallTime = `${date}T${timeOfDay(officeDayBounds(office).open)}`;
  const soon = addMinutesToWall(
    `${c.now.slice(0, 14)}00:00`,
    Math.ceil(Number(c.now.slice(14, 16)) / 5) * 5,
  );
  // Before the office opens (the desk setting up at 7), the first booking is at the opening.
  const fallback = c.now.slice(0, 10) === date && soon > opening ? soon : opening;
  const start = slot?.start ?? fallback;
  const selected = slot ? minutesBetweenWalls(slot.start, slot.end) : 0;
  const room = slot?.examRoom ?? office.exam_rooms[0]?.index ?? 1;
  const block = slot
    ? c.practice.templates.find(
        (t) =>
          t.archived !== true &&
          t.office === office.id &&
          t.exam_room === room &&
          start >= `${date}T${t.scheduled_time}` &&
          start < addMinutesToWall(`${date}T${t.scheduled_time.slice(0, 8)}`, t.duration),
      )
    : undefined;
  const profile = block ? c.profiles.get(block.profile) : undefined;
  return {
    mode: 'new',
    patient,
    initial: {
      doctor: block?.doctor ?? c.doctorId ?? office.doctor ?? c.practice.user.doctor,
      office: office.id,
      exam_room: room,
      patient: patient?.id ?? null,
      is_break: false,
      scheduled_time: toInputTime(start),
      duration: selected > c.slotMinutes ? selected : (profile?.duration ?? Math.max(15, selected)),
      status: '',
      reason: profile ? (profile.reason ?? profile.name) : '',
      notes: '',
      color: profile?.color ?? '',
      profile: profile?.id ?? null,
      is_walk_in: false,
    },
  };
}

export function editBookingRequest(
  appointment: AppointmentItem,
  patients: Record<string, PatientBrief>,
): BookingRequest {
  return {
    mode: 'edit',
    appointment,
    initial: formFromAppointment(appointment),
    patient: appointment.patient === null ? null : (patients[String(appointment.patient)] ?? null),
  };
}
