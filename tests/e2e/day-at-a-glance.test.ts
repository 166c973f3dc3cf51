import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  drchronoWeekday,
  instantToWall,
  todayIn,
  wallToInstant,
} from '../../shared/time/practice-time';
import {
  browserTimezone,
  practiceTimezone,
  serverGet,
  signIn,
  startStack,
  type DeskOffice,
  type Stack,
} from './harness';

/**
 * The day view read at a glance, on the demo practice's Monday at the two screen sizes of a front
 * desk: every visit of 15 minutes or more shows its patient, a status signal and its doctor, none
 * of them cut off by the block; the morning fits from the opening; the drag mirror says where the
 * visit would land. Each block is measured against its own box in Chromium.
 */

let stack: Stack;
let page: Page;
let monday: string;
let office: DeskOffice;
let doctors: { id: number; first_name: string; last_name: string }[];

interface Measured {
  id: string;
  minutes: number;
  isBreak: boolean;
  label: string;
  /** The status stripe is inside the block, tall enough for its glyph and wide enough to see. */
  statusVisible: boolean;
  nameVisible: boolean;
  nameWhole: boolean;
  /** Shown as "D. Cohen", the block being too narrow for the whole name. */
  nameShort: boolean;
  doctorVisible: boolean;
  doctorText: string;
}

/** Measures every appointment block of the rooms view, each scrolled into view first. */
async function measureBlocks(): Promise<Measured[]> {
  return page.evaluate(() => {
    const inside = (r: DOMRect, box: DOMRect) =>
      r.width > 0 &&
      r.height > 0 &&
      r.left >= box.left - 0.5 &&
      r.right <= box.right + 0.5 &&
      r.top >= box.top - 0.5 &&
      r.bottom <= box.bottom + 0.5;
    const out = [];
    for (const hit of document.querySelectorAll<HTMLElement>(
      '.fc-timegrid-event [data-appointment-id][tabindex]',
    )) {
      const event = hit.closest<HTMLElement>('.fc-event');
      const block = hit.closest<HTMLElement>('.fdc-appt');
      if (!event || !block) continue;
      event.scrollIntoView({ block: 'center' });
      const box = event.getBoundingClientRect();
      const signal = block.querySelector<HTMLElement>('.fdc-signal');
      // The whole name, or "D. Cohen" where the block is narrow: whichever is displayed.
      const name = [...block.querySelectorAll<HTMLElement>('.fdc-appt__name')].find(
        (e) => e.getClientRects().length > 0,
      );
      const doctor = block.querySelector<HTMLElement>('.fdc-doc');
      const s = signal?.getBoundingClientRect();
      const n = name?.getBoundingClientRect();
      const d = doctor?.getBoundingClientRect();
      const colour = signal
        ? getComputedStyle(signal).backgroundImage + getComputedStyle(signal).backgroundColor
        : '';
      out.push({
        id: hit.dataset.appointmentId ?? '',
        // Minutes on the grid: FullCalendar sizes the block from the visit's duration.
        minutes: 0,
        isBreak: block.classList.contains('fdc-appt--break'),
        label: hit.getAttribute('aria-label') ?? '',
        statusVisible:
          !!s &&
          inside(s, box) &&
          s.width >= 10 &&
          s.height >= 14 &&
          colour !== '' &&
          (signal?.textContent ?? '').length > 0,
        nameVisible: !!n && inside(n, box) && n.width >= 24,
        nameWhole: !!name && name.scrollWidth <= name.clientWidth + 1,
        nameShort: !!name && name.classList.contains('fdc-appt__name--short'),
        doctorVisible: !!d && inside(d, box) && d.width >= 14,
        doctorText: doctor?.textContent ?? '',
      });
    }
    return out;
  });
}

async function openDay(date: string): Promise<void> {
  await page.getByLabel('Go to date').fill(date);
  await page.locator('[data-appointment-id][tabindex]').first().waitFor();
  // Let FullCalendar settle its layout after the new day.
  await page.waitForTimeout(300);
}

/** The time axis as scrolled: its first and last lanes, the top one in view, the now line. */
function axisInView(): Promise<{ first: string; last: string; top: string; nowShown: boolean }> {
  return page.evaluate(() => {
    const lanes = [
      ...document.querySelectorAll<HTMLElement>('td.fc-timegrid-slot-lane[data-time]'),
    ];
    const box = lanes[0]?.closest('.fc-scroller')?.getBoundingClientRect();
    const inView = (r: DOMRect) =>
      box !== undefined && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    const line = document.querySelector('.fc-timegrid-now-indicator-line');
    return {
      first: lanes[0]?.dataset.time ?? '',
      last: lanes.at(-1)?.dataset.time ?? '',
      top: lanes.find((l) => inView(l.getBoundingClientRect()))?.dataset.time ?? '',
      nowShown: line ? inView(line.getBoundingClientRect()) : false,
    };
  });
}

/** `HH:MM:SS` plus minutes, within the day (a lane's end). */
function addMinutes(time: string, minutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}:00`;
}

async function axeSeriousOrCritical(): Promise<string[]> {
  const require = createRequire(import.meta.url);
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Element) => Promise<unknown> } }).axe;
    return axe.run(document.querySelector('.fdc-screen') ?? document.body);
  })) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${String(v.nodes.length)}: ${v.nodes[0]?.target.join(' ') ?? ''})`);
}

beforeAll(async () => {
  stack = await startStack({ timezoneId: browserTimezone });
  page = stack.page;
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page);
  monday = todayIn(practiceTimezone, Date.now());
  while (drchronoWeekday(monday) !== 0) monday = addDays(monday, 1);
  const offices = await serverGet<{ results: DeskOffice[] }>(stack, '/api/offices');
  doctors = (await serverGet<{ results: typeof doctors }>(stack, '/api/doctors')).results;
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Calendar' })
    .click();
  const officeName = await page.getByLabel('Office').locator('option:checked').textContent();
  const found = offices.results.find((o) => o.name === officeName);
  if (!found) throw new Error(`The calendar shows an office the sandbox lacks: ${officeName}`);
  office = found;
  await openDay(monday);
});

afterAll(async () => {
  await stack.close();
});

describe.each([
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
])('the day at a glance at $width×$height', ({ width, height }) => {
  const size = `${String(width)}×${String(height)}`;

  it('shows every appointment of 15 minutes or more with its patient, status and doctor, uncut', async () => {
    await page.setViewportSize({ width, height });
    await openDay(addDays(monday, 1));
    await openDay(monday);
    const book = await serverGet<{
      results: {
        id: string;
        duration: number;
        patient: number | null;
        status: string;
        deleted_flag?: boolean;
      }[];
    }>(stack, `/api/appointments?date=${monday}&office=${String(office.id)}&page_size=250`);
    const durations = new Map(book.results.map((a) => [a.id, a.duration]));
    const blocks = (await measureBlocks()).map((b) => ({
      ...b,
      minutes: durations.get(b.id) ?? 0,
    }));
    const shown = book.results.filter((a) => a.deleted_flag !== true && a.status !== 'Cancelled');
    expect(blocks.length).toBe(shown.length);
    const visits = blocks.filter((b) => b.minutes >= 15);
    const withPatient = visits.filter((b) => !b.isBreak);
    const noStatus = withPatient.filter((b) => !b.statusVisible);
    const noName = withPatient.filter((b) => !b.nameVisible);
    const cutName = withPatient.filter((b) => !b.nameWhole);
    const noDoctor = visits.filter((b) => !b.doctorVisible);
    console.log(
      `[figure] ${size}: appointments with no visible status: ${String(noStatus.length)} of ${String(withPatient.length)}`,
    );
    console.log(
      `[figure] ${size}: names not visible ${String(noName.length)}, names shortened ${String(cutName.length)}, doctor not identifiable ${String(noDoctor.length)} of ${String(visits.length)}`,
    );
    expect(withPatient.length).toBeGreaterThan(20);
    expect(noStatus.map((b) => b.label)).toEqual([]);
    expect(noName.map((b) => b.label)).toEqual([]);
    expect(cutName.map((b) => b.label)).toEqual([]);
    expect(noDoctor.map((b) => b.label)).toEqual([]);
    // The status is in the accessible name too, and the doctor's initials match the named doctor.
    for (const b of withPatient) {
      expect(b.label).toMatch(
        /, (Confirmed|Not Confirmed|Arrived|Checked In|In Room|In Session|Complete|No Show|Rescheduled|no status)(,|$)/,
      );
      const doctor = doctors.find((d) => b.label.includes(`, Dr. ${d.first_name} ${d.last_name}`));
      expect(doctor, b.label).toBeDefined();
      expect(b.doctorText.startsWith(doctor?.first_name.charAt(0).toUpperCase() ?? '?')).toBe(true);
    }
  });

  it('opens another day on its first hour with the whole morning in view, under a compact toolbar', async () => {
    await openDay(addDays(monday, 1));
    await openDay(monday);
    const view = await page.evaluate(() => {
      const lanes = [
        ...document.querySelectorAll<HTMLElement>('td.fc-timegrid-slot-lane[data-time]'),
      ];
      const scroller = lanes[0]?.closest('.fc-scroller');
      const box = scroller?.getBoundingClientRect();
      const visible = lanes.filter((l) => {
        const r = l.getBoundingClientRect();
        return box !== undefined && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      });
      const toolbar = document.querySelector('.fdc-toolbar')?.getBoundingClientRect().height ?? 0;
      return {
        first: lanes[0]?.dataset.time ?? '',
        top: visible[0]?.dataset.time ?? '',
        last: visible.at(-1)?.dataset.time ?? '',
        toolbar,
        overflowX: document.documentElement.scrollWidth > window.innerWidth,
      };
    });
    const book = await serverGet<{ results: { scheduled_time: string; deleted_flag?: boolean }[] }>(
      stack,
      `/api/appointments?date=${monday}&office=${String(office.id)}&page_size=250`,
    );
    const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    const firstVisit = Math.min(
      ...book.results
        .filter((a) => a.deleted_flag !== true)
        .map((a) => toMinutes(a.scheduled_time.slice(11, 16))),
    );
    // The time axis runs from the office's opening; the day opens on its first hour in use.
    expect(view.first).toBe(office.start_time);
    expect(toMinutes(view.top)).toBeGreaterThanOrEqual(toMinutes(office.start_time));
    expect(toMinutes(view.top)).toBeLessThanOrEqual(firstVisit);
    expect(firstVisit - toMinutes(view.top)).toBeLessThan(60);
    const hours = (toMinutes(view.last) + 15 - toMinutes(view.top)) / 60;
    console.log(
      `[figure] ${size}: the day opens at ${view.top.slice(0, 5)} (office opens ${office.start_time.slice(0, 5)}, first visit ${String(Math.floor(firstVisit / 60))}:${String(firstVisit % 60).padStart(2, '0')}) with ${hours.toFixed(2)} hours in view; toolbar ${String(Math.round(view.toolbar))} px`,
    );
    await page.screenshot({ path: `/tmp/day-at-a-glance-${String(width)}x${String(height)}.png` });
    // A full morning: from the first hour to noon, under a two-line toolbar, nothing sideways.
    expect(toMinutes(view.last) + 15).toBeGreaterThanOrEqual(12 * 60);
    // Two rows of 28 px controls.
    expect(view.toolbar).toBeLessThanOrEqual(64);
    expect(view.overflowX).toBe(false);
  });

  it('has no serious or critical axe violations on the day view', async () => {
    const bad = await axeSeriousOrCritical();
    console.log(`[figure] ${size}: axe on the day view: ${String(bad.length)} serious or critical`);
    expect(bad).toEqual([]);
  });
});

/**
 * Ctrl +/- in the desktop window zooms the page: 1280×720 at 125 % and 150 % lays out like a
 * 1024×576 and an 853×480 viewport. Nothing may spill sideways, and every block keeps its status,
 * its doctor and (perhaps shortened) its patient's name.
 */
describe.each([
  { zoom: 125, width: 1024, height: 576 },
  { zoom: 150, width: 853, height: 480 },
])('the day view zoomed to $zoom % of 1280×720', ({ zoom, width, height }) => {
  it('keeps the status, doctor and name on every block, and nothing spills sideways', async () => {
    await page.setViewportSize({ width, height });
    await openDay(addDays(monday, 1));
    await openDay(monday);
    const blocks = await measureBlocks();
    const patients = blocks.filter((b) => !b.isBreak);
    const overflowX = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    const noStatus = patients.filter((b) => !b.statusVisible);
    const cut = patients.filter((b) => !b.nameWhole);
    const short = patients.filter((b) => b.nameShort);
    console.log(
      `[figure] zoom ${String(zoom)} %: appointments with no visible status: ${String(noStatus.length)} of ${String(patients.length)}; names as "D. Cohen" ${String(short.length)}, names cut off ${String(cut.length)}; sideways overflow ${String(overflowX)}`,
    );
    // Measuring scrolled each block into view; the screenshot shows the day as it opens.
    await openDay(addDays(monday, 1));
    await page.evaluate(() => document.querySelector('.fd-main')?.scrollTo({ top: 0 }));
    await openDay(monday);
    await page.screenshot({ path: `/tmp/day-at-a-glance-zoom-${String(zoom)}.png` });
    expect(overflowX).toBe(false);
    expect(noStatus.map((b) => b.label)).toEqual([]);
    expect(patients.filter((b) => !b.nameVisible).map((b) => b.label)).toEqual([]);
    expect(blocks.filter((b) => !b.doctorVisible).map((b) => b.label)).toEqual([]);
  });
});

describe('while dragging', () => {
  it('the moving block says the time and the room it would land in', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openDay(monday);
    const target = await page.evaluate(() => {
      for (const hit of document.querySelectorAll<HTMLElement>(
        '.fc-timegrid-event [data-appointment-id][tabindex]',
      )) {
        const event = hit.closest<HTMLElement>('.fc-timegrid-event');
        const column = event?.closest<HTMLElement>('[data-resource-id]');
        if (!event || column?.dataset.resourceId !== '1') continue;
        event.scrollIntoView({ block: 'center' });
        const r = event.getBoundingClientRect();
        if (r.height < 40) continue;
        const next = document.querySelector<HTMLElement>(
          '.fc-col-header-cell[data-resource-id="2"]',
        );
        const c = next?.getBoundingClientRect();
        if (!c) return null;
        return {
          id: hit.dataset.appointmentId ?? '',
          x: r.left + 30,
          y: r.top + 10,
          toX: c.left + c.width / 2,
          room: next?.textContent.trim() ?? '',
        };
      }
      return null;
    });
    expect(target).not.toBeNull();
    if (!target) return;
    stack.sandbox.control.clearRequests();
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    for (let i = 1; i <= 4; i++) await page.mouse.move(target.x + i * 3, target.y + i * 3);
    await page.mouse.move(target.toX, target.y + 60, { steps: 6 });
    const mirror = page.locator('.fc-event-mirror .fdc-appt__to');
    await mirror.waitFor();
    const text = (await mirror.textContent()) ?? '';
    console.log(`[figure] while dragging, the block reads "${text}"`);
    expect(text).toMatch(new RegExp(`^→ \\d{1,2}:\\d\\d (AM|PM) · ${target.room}$`));
    // Back where it was and let go: nothing moved, nothing sent.
    await page.mouse.move(target.x + 2, target.y + 2, { steps: 6 });
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await page.mouse.up();
    await page.waitForTimeout(500);
    expect(
      stack.sandbox.control
        .requests()
        .filter((r) => r.method === 'PATCH' && r.path === `/api/appointments/${target.id}`),
    ).toEqual([]);
  });
});

describe("the patient's alert flags", () => {
  it("shows a flagged patient's flag on the block and the card, from the roster it already keeps", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openDay(monday);
    const book = await serverGet<{
      results: { id: string; patient: number | null; status: string }[];
    }>(stack, `/api/appointments?date=${monday}&office=${String(office.id)}&page_size=250`);
    const flagged: { appointment: string; flags: string[] }[] = [];
    for (const a of book.results) {
      if (a.patient === null || a.status === 'Cancelled') continue;
      const patient = await serverGet<{ patient_flags?: { name: string }[] }>(
        stack,
        `/api/patients/${String(a.patient)}?verbose=true`,
      );
      const names = (patient.patient_flags ?? []).map((f) => f.name).filter(Boolean);
      if (names.length > 0) flagged.push({ appointment: a.id, flags: names });
    }
    console.log(
      `[figure] flagged patients on the demo Monday: ${String(flagged.length)} of ${String(book.results.length)} appointments (${[...new Set(flagged.flatMap((f) => f.flags))].join(', ')})`,
    );
    expect(flagged.some((f) => f.flags.includes('Balance in collections'))).toBe(true);
    const target = flagged.find((f) => f.flags.includes('Balance in collections')) ?? flagged[0];
    if (!target) return;
    const node = page.locator(`[data-appointment-id="${target.appointment}"][tabindex]`);
    // The roster fetches flags with the patients it keeps anyway; the day repaints when it lands.
    await expect
      .poll(async () => (await node.getAttribute('aria-label')) ?? '', { timeout: 60_000 })
      .toContain('flag: Balance in collections');
    const block = node.locator('xpath=..');
    expect(await block.locator('.fdc-pflag').count()).toBe(1);
    stack.sandbox.control.clearRequests();
    await openDay(addDays(monday, 1));
    await openDay(monday);
    await node.scrollIntoViewIfNeeded();
    await node.hover();
    const card = page.getByRole('dialog', { name: /^Appointment: / });
    await card.waitFor();
    expect(await card.textContent()).toContain('Balance in collections');
    await page.screenshot({ path: '/tmp/day-at-a-glance-flag-card.png' });
    // Painting flags costs no call per patient or appointment.
    const perPatient = stack.sandbox.control
      .requests()
      .filter((r) => /^\/api\/patients\/\d+/.test(r.path) || r.path === '/api/patient_flag_types');
    expect(perPatient.map((r) => r.path)).toEqual([]);
    await page.mouse.move(5, 300);
  });
});

describe("the practice's clock and week", () => {
  const axisLabels = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.fc-timegrid-slot-label-cushion')]
        .map((n) => n.textContent.trim())
        .filter(Boolean)
        .slice(0, 3),
    );
  const firstWeekDay = async () => {
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' }).click();
    await page.locator('.fc-timeGridWeek-view').waitFor();
    const date = await page
      .locator('.fc-col-header-cell[data-date]')
      .first()
      .getAttribute('data-date');
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Rooms' }).click();
    await page.locator('.fc-resourceTimeGridDay-view').waitFor();
    return new Date(`${date ?? ''}T00:00:00Z`).toLocaleDateString('en-US', {
      weekday: 'long',
      timeZone: 'UTC',
    });
  };

  it('reads 12-hour time with Sunday weeks in a US practice, and 24-hour Monday weeks once chosen in Settings', async () => {
    await openDay(monday);
    expect(await axisLabels()).toEqual(['7 AM', '7:30 AM', '8 AM']);
    expect(await firstWeekDay()).toBe('Sunday');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Clock').selectOption('24h');
    await page.getByLabel('Weeks start on').selectOption('monday');
    await page
      .getByRole('option', { name: 'Monday', selected: true })
      .waitFor({ state: 'attached' });
    await nav.getByRole('button', { name: 'Calendar' }).click();
    await openDay(monday);
    expect(await axisLabels()).toEqual(['07:00', '07:30', '08:00']);
    expect(
      await page
        .locator('.fc-timegrid-event [data-appointment-id][tabindex]')
        .first()
        .getAttribute('aria-label'),
    ).toMatch(/^\d\d:\d\d /);
    expect(await firstWeekDay()).toBe('Monday');
    // Back to the practice's way for whatever runs next.
    await nav.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Clock').selectOption('auto');
    await page.getByLabel('Weeks start on').selectOption('auto');
    await nav.getByRole('button', { name: 'Calendar' }).click();
    await openDay(monday);
    expect(await axisLabels()).toEqual(['7 AM', '7:30 AM', '8 AM']);
  });
});

describe('today', () => {
  it('opens with now in view, or on its opening when now is outside the day’s hours', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDay(monday);
    await page.locator('.fdc-toolbar').getByRole('button', { name: 'Today', exact: true }).click();
    const today = todayIn(practiceTimezone, Date.now());
    await expect
      .poll(() => page.locator('td.fc-timegrid-slot-lane[data-time]').count())
      .toBeGreaterThan(0);
    await page.waitForTimeout(300);
    const view = await axisInView();
    const now = instantToWall(Date.now(), practiceTimezone).slice(11, 19);
    const withinAxis = now >= view.first && now < addMinutes(view.last, 15);
    console.log(
      `[figure] today (${today}) at ${now.slice(0, 5)} practice time: axis ${view.first.slice(0, 5)}–${addMinutes(view.last, 15).slice(0, 5)}, ${
        withinAxis
          ? `now line in view: ${String(view.nowShown)}`
          : `opens at ${view.top.slice(0, 5)}`
      }`,
    );
    if (withinAxis) {
      expect(view.nowShown).toBe(true);
      return;
    }
    // Outside the day's hours, today opens as any other day: on its first hour in use.
    const book = await serverGet<{ results: { scheduled_time: string; deleted_flag?: boolean }[] }>(
      stack,
      `/api/appointments?date=${today}&office=${String(office.id)}&page_size=250`,
    );
    const starts = book.results
      .filter((a) => a.deleted_flag !== true)
      .map((a) => a.scheduled_time.slice(11, 19))
      .sort();
    const firstInUse = starts[0] !== undefined && starts[0] > view.first ? starts[0] : view.first;
    expect(view.top >= view.first && view.top <= firstInUse).toBe(true);
  });

  it('at 10:30 AM practice time, opens with the coming hours and the now line in view', async () => {
    // The page's clock only (main keeps the real one): the same date, in the middle of the day.
    const today = todayIn(practiceTimezone, Date.now());
    await page.clock.setFixedTime(wallToInstant(`${today}T10:30:00`, practiceTimezone));
    // FullCalendar reads the time when it starts: a reload starts it at 10:30 AM.
    await page.reload();
    await page.locator('.fdc-toolbar').getByRole('button', { name: 'Today', exact: true }).click();
    await expect
      .poll(() => page.locator('.fc-timegrid-now-indicator-line').count())
      .toBeGreaterThan(0);
    await page.waitForTimeout(300);
    const view = await axisInView();
    console.log(`[figure] today at 10:30 AM practice time: opens at ${view.top.slice(0, 5)}`);
    expect(view.nowShown).toBe(true);
    // Half an hour of what came before stays in view above the line.
    expect(view.top).toBe('10:00:00');
  });
});
