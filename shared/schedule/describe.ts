import { type WallTime } from '../time/practice-time';

/** Words for appointments, the same in main's clash messages and the calendar's labels. */

export interface NameLike {
  first_name?: string | null | undefined;
  last_name?: string | null | undefined;
}

export function patientName(patient: NameLike | null | undefined): string | null {
  if (!patient) return null;
  const name = [patient.first_name, patient.last_name]
    .map((part) => (part ?? '').trim())
    .filter(Boolean)
    .join(' ');
  return name || null;
}

export interface RoomsLike {
  exam_rooms: readonly { index: number; name: string }[];
}

export function roomName(office: RoomsLike | null | undefined, examRoom: number): string {
  const room = office?.exam_rooms.find((r) => r.index === examRoom);
  return room?.name.trim() || `Room ${examRoom}`;
}

/** `09:30` from a wall time (main's messages; the renderer writes times the desk's way). */
export function clockTime(wall: WallTime): string {
  return wall.slice(11, 16);
}

/**
 * "10:00 Dale Whitaker, Exam 2": the appointment a booking clashes with. Breaks (no patient)
 * read "Break"; a patient we cannot name reads "a patient" (never an id in a message). `clock`
 * writes the time (the renderer passes the desk's 12/24-hour formatter).
 */
export function clashLabel(
  input: {
    scheduledTime: WallTime;
    patient: number | null;
    patientName: string | null;
    room: string;
  },
  clock: (wall: WallTime) => string = clockTime,
): string {
  const who = input.patient === null ? 'Break' : (input.patientName ?? 'a patient');
  return `${clock(input.scheduledTime)} ${who}, ${input.room}`;
}
