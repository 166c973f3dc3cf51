import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock } from '../../shared/schedule';
import { addDays, drchronoWeekday, todayIn } from '../../shared/time/practice-time';
import {
  browserTimezone,
  freeSlot,
  openDeskCalendar,
  openPatient,
  pdfPages,
  practiceTimezone,
  sandboxDay,
  serverGet,
  signIn,
  startStack,
  waitQuiet,
  expectPrintedOnce,
  type DeskAppointment,
  type DeskOffice,
  type Stack,
} from './harness';

/**
 * The desk's paperwork end to end, Chromium (in another zone than the practice) through the
 * browser host against the sandbox: the day sheet as PDF, confirmation calls, a reminder profile
 * at booking and eligibility on the appointment card. Each prints the API calls a screen cost.
 */

type Json = Record<string, unknown>;
interface Patient {
  id: number;
  first_name: string;
  last_name: string;
}
interface Check {
  patient: number;
  appointment: number | null;
  eligibility: string;
  payer_name: string;
}

let stack: Stack;
let page: Page;
let day: string;
let office: DeskOffice;
/** The patient booked with a reminder profile (their record prints their appointments). */
let booked: { patient: Patient; start: string } | null = null;

function apiRequests() {
  return stack.sandbox.control
    .requests()
    .filter((r) => r.path.startsWith('/api/') && !(r.method === 'GET' && r.query.since));
}

function callSummary(): string {
  const byPath = new Map<string, number>();
  for (const r of apiRequests()) {
    const key = `${r.method} ${r.path}`;
    byPath.set(key, (byPath.get(key) ?? 0) + 1);
  }
  return [...byPath].map(([k, n]) => `${k} ×${String(n)}`).join(', ') || 'none';
}

async function patientOf(id: number): Promise<Patient> {
  return serverGet<Patient>(stack, `/api/patients/${String(id)}`);
}

function nav(name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
}

const normalized = (text: string) => text.replace(/\s+/g, ' ');

/** Serious or critical axe violations in the area on screen (axe injected via the protocol). */
async function axeProblems(what: string): Promise<string[]> {
  const require = createRequire(import.meta.url);
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Element) => Promise<unknown> } }).axe;
    return axe.run(document.querySelector('.fdp-screen') ?? document.body);
  })) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(
    `[figure] axe on ${what}: ${String(result.violations.length)} violations, ${String(bad.length)} serious or critical` +
      bad.map((v) => ` · ${v.id} (${v.nodes[0]?.target.join(' ') ?? ''})`).join(''),
  );
  return bad.map((v) => `${v.id} (${v.nodes[0]?.target.join(' ') ?? ''})`);
}

beforeAll(async () => {
  stack = await startStack({ timezoneId: browserTimezone });
  page = stack.page;
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page);
  ({ day, office } = await openDeskCalendar(stack, page));
  await page.getByLabel('Go to date').fill(day);
  await page.locator('[data-appointment-id][tabindex]').first().waitFor();
  await waitQuiet(stack);
});

afterAll(async () => {
  await stack.close();
});

describe('paperwork: the day sheet', () => {
  it('prints one room as a PDF with every visit of that room and no navigation', async () => {
    const visits = (await sandboxDay(stack, day, office)).filter((a) => a.patient !== null);
    const byRoom = new Map<number, DeskAppointment[]>();
    for (const v of visits) byRoom.set(v.exam_room, [...(byRoom.get(v.exam_room) ?? []), v]);
    const [roomIndex, roomVisits] = [...byRoom].sort((a, b) => b[1].length - a[1].length)[0]!;
    const room = office.exam_rooms.find((r) => r.index === roomIndex)!;
    const others = visits.filter((v) => v.exam_room !== roomIndex);

    stack.sandbox.control.clearRequests();
    await page
      .getByRole('toolbar', { name: 'Calendar' })
      .getByRole('button', { name: 'Day sheet' })
      .click();
    const preview = page.getByRole('region', { name: 'Print preview' });
    await preview.waitFor();
    await page.getByLabel('Day', { exact: true }).fill(day);
    await page.getByLabel('Office', { exact: true }).selectOption(String(office.id));
    await page.getByLabel('Room', { exact: true }).selectOption(String(roomIndex));
    await page.getByLabel('Pages', { exact: true }).selectOption('room');
    const rows = preview.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(roomVisits.length);
    await waitQuiet(stack);
    const sheetCalls = apiRequests();
    console.log(
      `[figure] API calls opening the day sheet (from the calendar, day cached): ${String(sheetCalls.length)} (${callSummary()})`,
    );
    // The book is cached; balances and eligibility are one call each for the day.
    expect(sheetCalls.filter((r) => r.path === '/api/line_items')).toHaveLength(1);
    expect(sheetCalls.filter((r) => r.path === '/api/eligibility_checks')).toHaveLength(1);
    expect(sheetCalls.filter((r) => r.path === '/api/appointments')).toHaveLength(0);

    await page.screenshot({ path: '/tmp/frontdesk-day-sheet-preview.png' });
    expect(await axeProblems('the day sheet')).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '/tmp/frontdesk-day-sheet-print.png', fullPage: true });
    await page.emulateMedia({ media: null });

    const pdf = await page.pdf({ format: 'Letter', printBackground: true });
    const pages = await pdfPages(new Uint8Array(pdf));
    const text = normalized(pages.join('\n'));
    expect(text).toContain(`Day sheet · ${office.name} · ${room.name}`);
    for (const v of roomVisits) {
      const p = await patientOf(v.patient!);
      expect(text, `visit ${v.id} at ${v.scheduled_time}`).toContain(
        `${p.first_name} ${p.last_name}`,
      );
      // The sandbox practice is in the US and Settings are untouched: the desk's 12-hour clock.
      expect(text).toContain(formatClock(v.scheduled_time, true));
    }
    const otherNames = await Promise.all(others.slice(0, 5).map((v) => patientOf(v.patient!)));
    const roomNames = new Set(
      await Promise.all(roomVisits.map(async (v) => (await patientOf(v.patient!)).last_name)),
    );
    for (const p of otherNames.filter((o) => !roomNames.has(o.last_name)))
      expect(text).not.toContain(`${p.first_name} ${p.last_name}`);
    // Paper only: none of the app's navigation, toolbars or status bar.
    for (const chrome of [
      'Outbox',
      'Settings',
      'Sign out',
      'Confirmations',
      'Save as PDF',
      'All doctors',
      'Print preview',
    ])
      expect(text).not.toContain(chrome);

    // The browser host prints through the browser's own print (its dialog also saves PDF).
    await expectPrintedOnce(page, page.getByRole('button', { name: 'Print…' }));
  });

  it('makes a per-room day sheet of a 5-room office: one page per room', async () => {
    const offices = await serverGet<{ results: DeskOffice[] }>(stack, '/api/offices');
    const big = offices.results.sort((a, b) => b.exam_rooms.length - a.exam_rooms.length)[0]!;
    const visits = (await sandboxDay(stack, day, big)).filter((a) => a.patient !== null);
    const rooms = new Set(visits.map((v) => v.exam_room));
    await page.getByLabel('Office', { exact: true }).selectOption(String(big.id));
    await page.getByLabel('Room', { exact: true }).selectOption('');
    await page.getByLabel('Pages', { exact: true }).selectOption('room');
    const preview = page.getByRole('region', { name: 'Print preview' });
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(visits.length);
    const started = performance.now();
    const pdf = await page.pdf({ format: 'Letter', printBackground: true });
    const ms = performance.now() - started;
    const pages = await pdfPages(new Uint8Array(pdf));
    console.log(
      `[figure] day sheet PDF, ${String(big.exam_rooms.length)}-room office (${String(rooms.size)} rooms with visits, ${String(visits.length)} visits): ${String(pages.length)} pages in ${ms.toFixed(0)} ms`,
    );
    expect(pages.length).toBeGreaterThanOrEqual(rooms.size);
    for (const r of big.exam_rooms.filter((x) => rooms.has(x.index)))
      expect(
        pages.filter((p) => normalized(p).includes(`Day sheet · ${big.name} · ${r.name}`)),
      ).toHaveLength(1);
  });
});

describe('paperwork: balances on the day sheet', () => {
  it("prints the patient balance due of a past day's visits, from one line item call", async () => {
    let past = addDays(todayIn(practiceTimezone, Date.now()), -7);
    while (drchronoWeekday(past) > 4) past = addDays(past, -1);
    const items = (
      await serverGet<{ results: { appointment: number; balance_pt: string }[] }>(
        stack,
        `/api/line_items?service_date=${past}&page_size=250`,
      )
    ).results;
    const owed = new Map<number, number>();
    for (const li of items)
      owed.set(li.appointment, (owed.get(li.appointment) ?? 0) + Number(li.balance_pt));
    const [appointment, balance] = [...owed].find(([, b]) => b > 0) ?? [0, 0];
    expect(balance).toBeGreaterThan(0);
    const visit = await serverGet<DeskAppointment>(
      stack,
      `/api/appointments/${String(appointment)}`,
    );
    stack.sandbox.control.clearRequests();
    await page.getByLabel('Day', { exact: true }).fill(past);
    await page.getByLabel('Office', { exact: true }).selectOption(String(visit.office));
    const row = page
      .getByRole('region', { name: 'Print preview' })
      .locator(`tr[data-appointment-id="${String(appointment)}"]`);
    await expect.poll(() => row.locator('td').last().textContent()).toBe(`$${balance.toFixed(2)}`);
    await waitQuiet(stack);
    expect(apiRequests().filter((r) => r.path === '/api/line_items')).toHaveLength(1);
  });
});

describe('paperwork: confirmation calls', () => {
  it("lists tomorrow's unconfirmed visits and shrinks as calls are marked", async () => {
    let tomorrow = addDays(todayIn(practiceTimezone, Date.now()), 1);
    while (drchronoWeekday(tomorrow) > 4) tomorrow = addDays(tomorrow, 1);
    const all = await serverGet<{ results: (DeskAppointment & Json)[] }>(
      stack,
      `/api/appointments?date=${tomorrow}&page_size=250`,
    );
    const unconfirmed = all.results.filter(
      (a) =>
        a.patient !== null &&
        a.deleted_flag !== true &&
        ['', 'Not Confirmed'].includes(String(a.status)),
    );
    expect(unconfirmed.length).toBeGreaterThan(3);

    stack.sandbox.control.clearRequests();
    await nav('Confirmations').click();
    const table = page.getByRole('table', { name: 'Visits to confirm' });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(unconfirmed.length);
    await expect(page.getByLabel('Day', { exact: true }).inputValue()).resolves.toBe(tomorrow);
    await table
      .getByText(/\((sent|due)\)|No reminders/)
      .first()
      .waitFor();
    await waitQuiet(stack);
    console.log(
      `[figure] API calls opening confirmation calls (${String(all.results.length)} visits that day): ${String(apiRequests().length)} (${callSummary()})`,
    );
    await page.screenshot({ path: '/tmp/frontdesk-confirmations.png' });

    stack.sandbox.control.clearRequests();
    const first = rows.first();
    const firstId = (await first.getAttribute('data-appointment-id'))!;
    await first.getByRole('button', { name: /^Confirmed: / }).click();
    await expect.poll(() => rows.count()).toBe(unconfirmed.length - 1);
    const patches = stack.sandbox.control
      .requests()
      .filter((r) => r.method === 'PATCH' && r.path === `/api/appointments/${firstId}`);
    expect(patches.map((r) => r.body)).toEqual([{ status: 'Confirmed' }]);
    expect((await serverGet<Json>(stack, `/api/appointments/${firstId}`)).status).toBe('Confirmed');

    const second = rows.first();
    const secondId = (await second.getAttribute('data-appointment-id'))!;
    await second.getByRole('button', { name: /^Left message: / }).click();
    await expect.poll(() => rows.count()).toBe(unconfirmed.length - 2);
    const noted = await serverGet<Json>(stack, `/api/appointments/${secondId}`);
    expect(String(noted.notes)).toMatch(
      /\[Confirmation call \d{4}-\d{2}-\d{2} \d{2}:\d{2}\] Left message$/,
    );
    expect(noted.status).not.toBe('Confirmed');
    await page.getByRole('region', { name: 'Called' }).getByText('Left message').waitFor();

    await rows
      .first()
      .getByRole('button', { name: /^Wrong number: / })
      .click();
    await expect.poll(() => rows.count()).toBe(unconfirmed.length - 3);
    await expect(
      page
        .getByText(/3 called|2 called/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: '/tmp/frontdesk-confirmations-after.png' });
    expect(await axeProblems('confirmation calls')).toEqual([]);

    // Printable: the calls still to make, on paper, without the app around them.
    const left = await rows.count();
    const pdfPagesText = normalized(
      (await pdfPages(new Uint8Array(await page.pdf({ format: 'Letter' })))).join('\n'),
    );
    expect(pdfPagesText).toContain('Confirmation calls');
    expect(pdfPagesText).toContain(`${String(left)} to call`);
    for (const chrome of ['Outbox', 'Sign out', 'Left message:', 'Day sheet'])
      expect(pdfPagesText).not.toContain(chrome);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: '/tmp/frontdesk-confirmations-1440.png' });
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});

describe('paperwork: reminders and eligibility', () => {
  it('sends the chosen reminder profile with the booking POST', async () => {
    const profiles = await serverGet<{ results: { id: number; name: string }[] }>(
      stack,
      '/api/reminder_profiles',
    );
    const profile = profiles.results.find((p) => p.name.startsWith('Procedure'))!;
    await nav('Calendar').click();
    await page.getByLabel('Go to date').fill(day);
    await page.locator('[data-appointment-id][tabindex]').first().waitFor();
    const appointments = await sandboxDay(stack, day, office);
    const slot = freeSlot({ day, office, appointments }, 30, null, '13:00');
    const patients = await serverGet<{ results: Patient[] }>(stack, '/api/patients?page_size=30');
    const patient = patients.results.find((p) => p.last_name.length > 3) ?? patients.results[0]!;
    stack.sandbox.control.clearRequests();

    await page.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByRole('combobox', { name: 'Patient' }).fill(patient.last_name);
    await dialog
      .getByRole('option', { name: new RegExp(`${patient.last_name}, ${patient.first_name}`) })
      .first()
      .click();
    await dialog.getByLabel('Exam room').selectOption(String(slot.room));
    await dialog.getByLabel(/Start/).fill(`${day}T${slot.start}`);
    const reminders = dialog.getByLabel('Reminders');
    await expect.poll(() => reminders.locator('option').count()).toBeGreaterThan(1);
    await reminders.selectOption(String(profile.id));
    await dialog.getByRole('button', { name: 'Book' }).click();
    await dialog.waitFor({ state: 'detached' });

    const posts = stack.sandbox.control
      .requests()
      .filter((r) => r.method === 'POST' && r.path === '/api/appointments');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.status).toBe(201);
    expect(posts[0]?.body).toMatchObject({
      patient: patient.id,
      scheduled_time: `${day}T${slot.start}:00`,
      reminder_profile: profile.id,
    });
    const id = String(
      (await sandboxDay(stack, day, office)).find(
        (a) => a.patient === patient.id && a.scheduled_time === `${day}T${slot.start}:00`,
      )?.id,
    );
    booked = { patient, start: slot.start };
    const made = await serverGet<Json>(stack, `/api/appointments/${id}?verbose=true`);
    expect((made.reminders as Json[]).map((r) => r.type)).toEqual(['auto_call']);
  });

  it("shows the visit's last eligibility check on the card, one call for the day", async () => {
    const visits = await sandboxDay(stack, day, office);
    const ids = new Set(visits.map((v) => Number(v.id)));
    const checks = (
      await serverGet<{ results: Check[] }>(
        stack,
        `/api/eligibility_checks?appointment_date=${day}&page_size=250`,
      )
    ).results.filter((c) => c.appointment !== null && ids.has(c.appointment));
    const eligible = checks.find((c) => c.eligibility.startsWith('1'))!;
    const inactive = checks.find((c) => c.eligibility.startsWith('6'));
    expect(eligible).toBeDefined();
    stack.sandbox.control.clearRequests();

    const card = page.getByRole('dialog', { name: /^Appointment: / });
    const open = async (id: number) => {
      await page.mouse.move(0, 0);
      await card.waitFor({ state: 'detached' }).catch(() => undefined);
      await page.locator(`[data-appointment-id="${String(id)}"][tabindex]`).hover();
      await card.waitFor();
    };
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await open(eligible.appointment!);
    const badge = card.locator('[data-eligibility]');
    await badge.waitFor();
    expect(await badge.textContent()).toMatch(
      new RegExp(`^Eligible · ${escape(eligible.payer_name)} · checked [A-Z][a-z]{2} \\d{1,2}$`),
    );
    await page.screenshot({ path: '/tmp/frontdesk-card-eligibility.png' });
    if (inactive) {
      await open(inactive.appointment!);
      await expect
        .poll(() => card.locator('[data-eligibility]').getAttribute('data-eligibility'))
        .toBe('not-eligible');
    }
    const calls = stack.sandbox.control
      .requests()
      .filter((r) => r.path === '/api/eligibility_checks');
    console.log(
      `[figure] eligibility calls for two cards of a day already on the day sheet: ${String(calls.length)}`,
    );
    // The day's checks are fetched at most once (again only because a booking changed the day).
    expect(calls.length).toBeLessThanOrEqual(1);
    for (const c of calls) expect(c.query).toMatchObject({ appointment_date: day });
  });
});

describe("paperwork: a patient's appointments on paper", () => {
  it('prints the appointment list from the patient record, without the app', async () => {
    expect(booked).not.toBeNull();
    const { patient, start } = booked!;
    await openPatient(page, { first_name: patient.first_name, last_name: patient.last_name });
    await page.getByRole('tab', { name: 'Appointments' }).click();
    await page.getByRole('button', { name: 'Print…' }).waitFor();
    const text = normalized(
      (await pdfPages(new Uint8Array(await page.pdf({ format: 'Letter' })))).join('\n'),
    );
    expect(text).toContain(`Appointments · ${patient.first_name} ${patient.last_name}`);
    // The desk's clock (a US practice, Settings untouched): "1:00 PM", not "13:00".
    expect(text).toContain(`${day} ${formatClock(`${day}T${start}:00`, true)}`);
    for (const chrome of ['Outbox', 'Sign out', 'Edit details', 'Print…'])
      expect(text).not.toContain(chrome);
  });
});
