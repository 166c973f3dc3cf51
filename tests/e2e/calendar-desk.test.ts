import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock, roomFreeTime, wallMinutes } from '../../shared/schedule';
import { addDays, drchronoWeekday } from '../../shared/time/practice-time';
import { dragAppointment, resizeAppointment } from '../bench/calendar-drag';
import {
  browserTimezone,
  freeSlot as findFreeSlot,
  openDeskCalendar,
  sandboxDay as readDay,
  serverGet,
  signIn,
  startStack,
  type DeskAppointment as Appointment,
  type DeskOffice as Office,
  type Stack,
} from './harness';

/**
 * The front desk's calendar end to end: Chromium in Tokyo, the browser host, the sandbox practice
 * in New York. Each scenario checks the screen and what reached the sandbox (its request log), and
 * prints the API calls it cost.
 */

type Json = Record<string, unknown>;

let stack: Stack;
let page: Page;
let day: string;
let office: Office;
const calls: Record<string, number> = {};

const server = <T>(path: string) => serverGet<T>(stack, path);

const sandboxDay = () => readDay(stack, day, office);

function apiRequests() {
  return stack.sandbox.control.requests().filter((r) => r.path.startsWith('/api/'));
}

function requests(method: string, path: string) {
  return apiRequests().filter((r) => r.method === method && r.path === path);
}

/** Waits until the app has been quiet towards drchrono for a moment (sync settles). */
async function quiet(ms = 1500): Promise<void> {
  let last = -1;
  for (;;) {
    const count = stack.sandbox.control.requests().length;
    if (count === last) return;
    last = count;
    await page.waitForTimeout(ms);
  }
}

function appointmentNode(id: string) {
  return page.locator(`[data-appointment-id="${id}"][tabindex]`);
}

/** Where an appointment is drawn: its room column and the time its top edge sits at. */
async function placement(
  id: string,
): Promise<{ room: string | null; label: string; time: string }> {
  return page.evaluate((appointmentId) => {
    const node = document.querySelector(`[data-appointment-id="${appointmentId}"][tabindex]`);
    const event = node?.closest('.fc-event');
    if (!node || !event) return { room: null, label: '', time: '' };
    const column = event.closest('[data-resource-id]');
    const top = event.getBoundingClientRect().top;
    const lanes = [...document.querySelectorAll<HTMLElement>('td.fc-timegrid-slot-lane')];
    // The lane the top edge falls in, and how far into it: the time the grid says.
    let time = '';
    for (const lane of lanes) {
      const r = lane.getBoundingClientRect();
      if (top >= r.top - 1 && top < r.bottom - 1) {
        const [h, m] = (lane.dataset.time ?? '00:00').split(':').map(Number) as [number, number];
        const next = lanes[lanes.indexOf(lane) + 1]?.dataset.time ?? '';
        const [nh, nm] = next ? (next.split(':').map(Number) as [number, number]) : [h, m + 30];
        const step = nh * 60 + nm - (h * 60 + m);
        const minutes = h * 60 + m + Math.round(((top - r.top) / r.height) * step);
        time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        break;
      }
    }
    return {
      room: column?.getAttribute('data-resource-id') ?? null,
      label: node.getAttribute('aria-label') ?? '',
      time,
    };
  }, id);
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

async function openDay(date: string): Promise<void> {
  await page.getByLabel('Go to date').fill(date);
  await page.locator('[data-appointment-id][tabindex]').first().waitFor();
}

/** A free span of `minutes` in a room other than `notRoom`, from the sandbox's book. */
const freeSlot = (
  appointments: Appointment[],
  minutes: number,
  notRoom: number | null,
  after = '09:00',
) => findFreeSlot({ day, office, appointments }, minutes, notRoom, after);

beforeAll(async () => {
  stack = await startStack({ timezoneId: browserTimezone });
  page = stack.page;
  await page.setViewportSize({ width: 1600, height: 1300 });
  await signIn(page);
  ({ day, office } = await openDeskCalendar(stack, page));
  // Half-hour slots: the whole office day fits on screen, so drags never need to scroll.
  await page.getByLabel('Slots').selectOption('30');
  await openDay(day);
  await quiet();
});

afterAll(async () => {
  console.log(
    `[figure] calls: navigate back/forth ${calls.navigate}, move ${calls.move}, resize ${calls.resize}, status ${calls.status}, ` +
      `book ${calls.book}, undo ${calls.undo}, drop on a known clash ${calls.knownClash}, ` +
      `drop on a clash booked elsewhere ${calls.unseenClash}, find next opening ${calls.findOpening} (cached day), ${calls.findOpeningUncached} (uncached day)`,
  );
  await stack.close();
});

describe('calendar: the exam-room day', () => {
  it("shows the sandbox's appointments in their rooms at their practice times (browser in Tokyo)", async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      'Asia/Tokyo',
    );
    const appointments = await sandboxDay();
    expect(appointments.length).toBeGreaterThan(10);
    for (const a of appointments) {
      const shown = await placement(a.id);
      const room = office.exam_rooms.find((r) => r.index === a.exam_room)?.name ?? '';
      expect(shown.room, `appointment ${a.id}`).toBe(String(a.exam_room));
      // Within the pixel rounding of the grid (a minute is about a pixel at half-hour slots).
      expect(
        Math.abs(minutesOf(shown.time) - minutesOf(a.scheduled_time.slice(11, 16))),
        `appointment ${a.id} at ${shown.time}`,
      ).toBeLessThanOrEqual(2);
      expect(shown.label.startsWith(formatClock(a.scheduled_time, true))).toBe(true);
      expect(shown.label).toContain(`, ${room}`);
    }
    await page.screenshot({ path: '/tmp/frontdesk-calendar-day.png' });
  });

  it('never cuts a line of an appointment through its letters: a line is shown whole or not at all', async () => {
    // 15-minute slots make the short visits too low for their second line.
    await page.getByLabel('Slots').selectOption('15');
    await page.locator('[data-appointment-id][tabindex]').first().waitFor();
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.fc-timegrid-event .fdc-appt')].flatMap((box) => {
        const frame = box.getBoundingClientRect();
        return [...box.querySelectorAll<HTMLElement>('.fdc-appt__line')].map((line) => {
          const r = line.getBoundingClientRect();
          const inside = r.top >= frame.top - 0.5 && r.bottom <= frame.bottom + 0.5;
          const beside = r.left >= frame.right - 0.5;
          return { inside, beside };
        });
      }),
    );
    await page.getByLabel('Slots').selectOption('30');
    await page.locator('[data-appointment-id][tabindex]').first().waitFor();
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.filter((l) => !l.inside && !l.beside)).toEqual([]);
    // Short visits exist on the day, so some second lines did have to go.
    expect(lines.some((l) => l.beside)).toBe(true);
  });

  it('goes back and forth between loaded days without a call', async () => {
    await openDay(addDays(day, 1));
    await openDay(day);
    await quiet();
    stack.sandbox.control.clearRequests();
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: /\d{4}$/ }).waitFor();
      await page.getByRole('button', { name: 'Previous' }).click();
    }
    await page.locator('[data-appointment-id][tabindex]').first().waitFor();
    calls.navigate = apiRequests().length;
    expect(calls.navigate).toBe(0);
  });

  it('books an appointment: one POST, and it is on the calendar at once', async () => {
    const appointments = await sandboxDay();
    const slot = freeSlot(appointments, 30, null, '13:00');
    const patients = await server<{
      results: { id: number; first_name: string; last_name: string }[];
    }>('/api/patients?page_size=20');
    const patient = patients.results.find((p) => p.last_name.length > 3) ?? patients.results[0]!;
    stack.sandbox.control.clearRequests();

    const target = await page.evaluate(({ room, start }) => {
      const column = document
        .querySelector(`.fc-col-header-cell[data-resource-id="${room}"]`)!
        .getBoundingClientRect();
      const lane = document
        .querySelector(`td.fc-timegrid-slot-lane[data-time="${start}:00"]`)!
        .getBoundingClientRect();
      return { x: column.left + column.width / 2, y: lane.top + lane.height / 2 };
    }, slot);
    await page.mouse.click(target.x, target.y);
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByRole('combobox', { name: 'Patient' }).fill(patient.last_name);
    await dialog
      .getByRole('option', { name: new RegExp(`${patient.last_name}, ${patient.first_name}`) })
      .first()
      .click();
    await dialog.getByLabel('Profile').selectOption({ index: 1 });
    await page.screenshot({ path: '/tmp/frontdesk-calendar-booking.png' });
    await dialog.getByRole('button', { name: 'Book' }).click();
    await dialog.waitFor({ state: 'detached' });
    const label = `${formatClock(`${day}T${slot.start}:00`, true)} ${patient.first_name} ${patient.last_name}`;
    await page.locator(`[aria-label^="${label}"]`).first().waitFor();

    const posts = requests('POST', '/api/appointments');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({
      office: office.id,
      exam_room: slot.room,
      patient: patient.id,
      scheduled_time: `${day}T${slot.start}:00`,
    });
    expect(posts[0]?.status).toBe(201);
    await quiet();
    calls.book = apiRequests().filter((r) => r.method !== 'GET' || !r.query.since).length;
    const after = await sandboxDay();
    expect(
      after.filter(
        (a) => a.patient === patient.id && a.scheduled_time === `${day}T${slot.start}:00`,
      ),
    ).toHaveLength(1);
  });
});

describe('calendar: finding an opening', () => {
  it("finds the next opening for a profile from the templates and drchrono's open slots", async () => {
    stack.sandbox.control.clearRequests();
    await page.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    const profile = dialog.getByLabel('Profile');
    const value = await profile
      .locator('option', { hasText: 'Follow-up Visit' })
      .getAttribute('value');
    await profile.selectOption(value ?? '');
    await dialog.getByRole('button', { name: /Find next opening for Follow-up Visit/ }).click();
    const found = dialog.getByText(/^Next opening: /);
    await found.waitFor();
    const text = (await found.textContent()) ?? '';
    const start = await dialog.getByLabel(/Start/).inputValue();
    expect(text).toContain(formatClock(start, true));
    // The day is cached: answered from the templates and the book, without a call.
    const templateSearches = () =>
      requests('GET', '/api/appointment_templates').filter((r) => r.query.available);
    calls.findOpening = templateSearches().length;
    expect(calls.findOpening).toBe(0);

    // Three weeks ahead nothing is cached: drchrono's open slots, one call for the first weekday.
    let later = addDays(day, 21);
    while (drchronoWeekday(later) > 4) later = addDays(later, 1);
    await dialog.getByLabel(/Start/).fill(`${later}T07:00`);
    await dialog.getByRole('button', { name: /Find next opening for Follow-up Visit/ }).click();
    await expect
      .poll(async () => (await dialog.getByLabel(/Start/).inputValue()).slice(0, 10))
      .toBe(later);
    const searches = templateSearches();
    calls.findOpeningUncached = searches.length;
    expect(searches).toHaveLength(1);
    expect(searches[0]?.query).toMatchObject({ available: later, verbose: 'true' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});

describe('calendar: moving and statuses', () => {
  let moved: Appointment;
  let from: { room: number; start: string };
  let to: { room: number; start: string };

  it('drags an appointment to another room and time: one PATCH with just those fields', async () => {
    const appointments = await sandboxDay();
    moved = appointments.find(
      (a) =>
        a.patient !== null &&
        a.duration <= 30 &&
        a.scheduled_time.slice(11, 16) < '12:00' &&
        /:(00|30):/.test(a.scheduled_time.slice(13)),
    )!;
    from = { room: moved.exam_room, start: moved.scheduled_time.slice(11, 16) };
    to = freeSlot(appointments, moved.duration, moved.exam_room, '14:00');
    stack.sandbox.control.clearRequests();

    await dragAppointment(page, { id: moved.id, examRoom: to.room, time: to.start });
    await expect.poll(() => requests('PATCH', `/api/appointments/${moved.id}`).length).toBe(1);
    const patch = requests('PATCH', `/api/appointments/${moved.id}`)[0]!;
    expect(patch.body).toEqual({ scheduled_time: `${day}T${to.start}:00`, exam_room: to.room });
    expect(patch.status).toBe(204);
    const shown = await placement(moved.id);
    expect(shown).toMatchObject({ room: String(to.room), time: to.start });
    await quiet();
    calls.move = apiRequests().filter((r) => !r.query.since).length;
    expect(calls.move).toBe(1);
  });

  it('undoes the move with Ctrl+Z: one PATCH putting the old values back', async () => {
    stack.sandbox.control.clearRequests();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => requests('PATCH', `/api/appointments/${moved.id}`).length).toBe(1);
    expect(requests('PATCH', `/api/appointments/${moved.id}`)[0]?.body).toEqual({
      scheduled_time: `${day}T${from.start}:00`,
      exam_room: from.room,
    });
    await expect.poll(async () => (await placement(moved.id)).room).toBe(String(from.room));
    await quiet();
    calls.undo = apiRequests().filter((r) => !r.query.since).length;
  });

  it('puts back a drop onto an occupied slot and names the clash, without a call', async () => {
    const appointments = await sandboxDay();
    const occupant = appointments.find(
      (a) =>
        a.exam_room !== moved.exam_room &&
        a.patient !== null &&
        /:(00|30):/.test(a.scheduled_time.slice(13)) &&
        a.scheduled_time.slice(11, 16) >= '09:00',
    )!;
    stack.sandbox.control.clearRequests();
    await dragAppointment(page, {
      id: moved.id,
      examRoom: occupant.exam_room,
      time: occupant.scheduled_time.slice(11, 16),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'clashes with' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(formatClock(occupant.scheduled_time, true));
    expect(await placement(moved.id)).toMatchObject({ room: String(from.room), time: from.start });
    await page.screenshot({ path: '/tmp/frontdesk-calendar-clash.png' });
    calls.knownClash = apiRequests().filter((r) => !r.query.since).length;
    expect(requests('PATCH', `/api/appointments/${moved.id}`)).toHaveLength(0);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('puts back a drop refused by drchrono (booked elsewhere meanwhile) and names that booking', async () => {
    const appointments = await sandboxDay();
    const slot = freeSlot(appointments, 60, moved.exam_room, '15:00');
    const elsewhere = await stack.sandbox.control.asOtherWorkstation('POST', '/api/appointments', {
      doctor: moved.doctor,
      office: office.id,
      exam_room: slot.room,
      patient: null,
      scheduled_time: `${day}T${slot.start}:00`,
      duration: 60,
      reason: 'Staff meeting',
    });
    expect(elsewhere.status).toBe(201);
    stack.sandbox.control.clearRequests();
    await dragAppointment(page, { id: moved.id, examRoom: slot.room, time: slot.start });
    const alert = page.getByRole('alert').filter({ hasText: 'clashes with' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      `${formatClock(`${day}T${slot.start}:00`, true)} Break`,
    );
    expect(await placement(moved.id)).toMatchObject({ room: String(from.room), time: from.start });
    const patches = requests('PATCH', `/api/appointments/${moved.id}`);
    expect(patches).toHaveLength(1);
    expect(patches[0]?.status).toBe(409);
    await quiet();
    calls.unseenClash = apiRequests().filter((r) => !r.query.since).length;
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('changes a status from the keyboard: one PATCH, and the badge follows', async () => {
    const node = appointmentNode(moved.id);
    await node.focus();
    // Focus opens the card, whose first look at this day reads its reminders and eligibility
    // (once per day, shared by every card); the status change is what is counted.
    const card = page.getByRole('dialog', { name: /^Appointment: / });
    await card.getByLabel('Reminders and eligibility').waitFor();
    await expect.poll(async () => (await card.textContent()) ?? '').not.toContain('Loading…');
    await quiet();
    stack.sandbox.control.clearRequests();
    await page.keyboard.press('3'); // Arrived
    await expect.poll(() => requests('PATCH', `/api/appointments/${moved.id}`).length).toBe(1);
    expect(requests('PATCH', `/api/appointments/${moved.id}`)[0]?.body).toEqual({
      status: 'Arrived',
    });
    await expect
      .poll(async () => (await node.getAttribute('aria-label')) ?? '')
      .toMatch(/, Arrived/);
    await quiet();
    const made = apiRequests().filter((r) => !r.query.since);
    calls.status = made.length;
    expect(made.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /api/appointments/${moved.id}`,
    ]);
    await node.hover();
    await page.getByRole('dialog', { name: /^Appointment: / }).waitFor();
    await page.screenshot({ path: '/tmp/frontdesk-calendar-card.png' });
  });
});

describe('calendar: resizing', () => {
  it('drags the bottom edge 15 minutes longer: one PATCH with the duration only', async () => {
    const appointments = await sandboxDay();
    const visit = appointments.find((a) => {
      if (a.patient === null || a.scheduled_time.slice(11, 16) < '09:00') return false;
      const end = wallMinutes(a.scheduled_time) + a.duration;
      return roomFreeTime({ date: day, office, examRoom: a.exam_room, appointments }).some(
        (f) => wallMinutes(f.start) <= end && wallMinutes(f.end) >= end + 20,
      );
    })!;
    // Out of the way of the previous scenario's appointment card.
    await page.mouse.move(5, 300);
    await page.getByRole('dialog', { name: /^Appointment: / }).waitFor({ state: 'detached' });
    stack.sandbox.control.clearRequests();
    await resizeAppointment(page, { id: visit.id, minutes: 15, duration: visit.duration });
    await expect.poll(() => requests('PATCH', `/api/appointments/${visit.id}`).length).toBe(1);
    expect(requests('PATCH', `/api/appointments/${visit.id}`)[0]?.body).toEqual({
      duration: visit.duration + 15,
    });
    await quiet();
    calls.resize = apiRequests().filter((r) => !r.query.since).length;
  });
});

describe('calendar: offline', () => {
  it('marks a status change made offline as pending, and sends it once when drchrono is back', async () => {
    const appointments = await sandboxDay();
    // An afternoon visit none of the scenarios above touched.
    const visit = appointments.find(
      (a) =>
        a.patient !== null && a.status !== 'In Room' && a.scheduled_time.slice(11, 16) >= '13:30',
    )!;
    stack.sandbox.control.setOffline(true);
    stack.sandbox.control.clearRequests();
    const node = appointmentNode(visit.id);
    await node.focus();
    await page.keyboard.press('5'); // In Room
    await expect
      .poll(async () => (await node.getAttribute('aria-label')) ?? '', { timeout: 30_000 })
      .toMatch(/, In Room, .*not sent yet$/);
    await page
      .getByText(/Saved on this computer/)
      .first()
      .waitFor();
    await page.screenshot({ path: '/tmp/frontdesk-calendar-pending.png' });
    stack.sandbox.control.setOffline(false);
    await expect
      .poll(async () => (await node.getAttribute('aria-label')) ?? '', {
        timeout: 90_000,
        interval: 1000,
      })
      .toMatch(/, In Room$/);
    const patches = requests('PATCH', `/api/appointments/${visit.id}`).filter(
      (r) => r.status === 204,
    );
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toEqual({ status: 'In Room' });
  });
});

describe('calendar: accessibility', () => {
  it('has no serious or critical axe violations on the day view', async () => {
    await page.keyboard.press('Escape');
    const require = createRequire(import.meta.url);
    // Evaluated through the debugging protocol: the app's CSP rightly refuses inline scripts.
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const result = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Element) => Promise<unknown> } }).axe;
      return axe.run(document.querySelector('.fdc-screen') ?? document.body);
    })) as {
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    };
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    console.log(
      `[figure] axe on the day view: ${result.violations.length} violations, ${bad.length} serious or critical` +
        (bad.length
          ? `: ${bad.map((v) => `${v.id} (${v.nodes.length}: ${v.nodes[0]?.target.join(' ')})`).join('; ')}`
          : ''),
    );
    expect(bad).toEqual([]);
  });
});

export type { Json };
