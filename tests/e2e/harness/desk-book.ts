import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { roomFreeTime, wallMinutes, type RoomBooking } from '../../../shared/schedule';
import { addDays, drchronoWeekday, todayIn } from '../../../shared/time/practice-time';
import { practiceTimezone } from './browser';
import type { Stack } from './stack';

/**
 * The calendar tests' view of the sandbox's book: drchrono read as another workstation sees it
 * (the control surface ignores the offline switch and costs the app nothing), and a free span to
 * drag or book into.
 */

export interface DeskOffice {
  id: number;
  name: string;
  start_time: string;
  end_time: string;
  exam_rooms: { index: number; name: string }[];
}

export interface DeskAppointment extends RoomBooking {
  id: string;
  patient: number | null;
  doctor: number;
  deleted_flag?: boolean;
}

export async function serverGet<T>(stack: Stack, path: string): Promise<T> {
  const reply = await stack.sandbox.control.asOtherWorkstation('GET', path);
  expect(reply.status).toBe(200);
  return reply.body as T;
}

/** The sandbox's live appointments for the day and office, as another workstation sees them now. */
export async function sandboxDay(
  stack: Stack,
  day: string,
  office: DeskOffice,
): Promise<DeskAppointment[]> {
  const page1 = await serverGet<{ results: DeskAppointment[] }>(
    stack,
    `/api/appointments?date=${day}&office=${String(office.id)}&page_size=250`,
  );
  return page1.results.filter((a) => a.deleted_flag !== true && a.status !== 'Cancelled');
}

/** A morning patient visit of at most 30 minutes on the half-hour grid: one a test can drag. */
export function draggableVisit(appointments: DeskAppointment[]): DeskAppointment {
  const visit = appointments.find(
    (a) =>
      a.patient !== null &&
      a.duration <= 30 &&
      a.scheduled_time.slice(11, 16) < '12:00' &&
      /:(00|30):/.test(a.scheduled_time.slice(13)),
  );
  if (!visit) throw new Error('The sandbox day has no morning visit on the half-hour to drag');
  return visit;
}

/** A free span of `minutes` on the 30-minute grid, from `after`, in a room other than `notRoom`. */
export function freeSlot(
  book: { day: string; office: DeskOffice; appointments: DeskAppointment[] },
  minutes: number,
  notRoom: number | null,
  after: string,
): { room: number; start: string } {
  const { day, office, appointments } = book;
  const floor = wallMinutes(`${day}T${after}:00`);
  for (const room of office.exam_rooms) {
    if (room.index === notRoom) continue;
    for (const span of roomFreeTime({ date: day, office, examRoom: room.index, appointments })) {
      const start = Math.max(Math.ceil(wallMinutes(span.start) / 30) * 30, floor);
      if (start + minutes <= wallMinutes(span.end)) {
        const hh = String(Math.floor((start % 1440) / 60)).padStart(2, '0');
        return { room: room.index, start: `${hh}:${String(start % 60).padStart(2, '0')}` };
      }
    }
  }
  throw new Error('No free slot in the sandbox book for this test');
}

/**
 * Opens the calendar on the signed-in page and says which office it shows and which day the test
 * works on: today, or the next weekday (the sandbox staffs every room then).
 */
export async function openDeskCalendar(
  stack: Stack,
  page: Page,
): Promise<{ day: string; office: DeskOffice }> {
  let day = todayIn(practiceTimezone, Date.now());
  while (drchronoWeekday(day) > 4) day = addDays(day, 1);
  const offices = await serverGet<{ results: DeskOffice[] }>(stack, '/api/offices');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Calendar' })
    .click();
  const officeName = await page.getByLabel('Office').locator('option:checked').textContent();
  const office = offices.results.find((o) => o.name === officeName);
  if (!office) throw new Error(`The calendar shows an office the sandbox lacks: ${officeName}`);
  return { day, office };
}
