import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock } from '../../shared/schedule';
import { dragAppointment } from '../bench/calendar-drag';
import {
  draggableVisit,
  freeSlot,
  nav,
  openDeskCalendar,
  openPatient,
  sandboxDay,
  serverGet,
  signIn,
  startStack,
  type DeskAppointment,
  type DeskOffice,
  type Stack,
} from './harness';

/**
 * Issue 9: a front desk staff account, as practices set them up (Access Scheduling, Manage
 * Patients, Access Tasks; no Settings, no user list, no billing, no clinical notes). The day view,
 * booking, a drag, a status change and a patient edit work; billing and clinical explain
 * themselves by naming the permission; no area is blank. Screens at 1280×720 go to /tmp.
 */

type Json = Record<string, unknown>;

let stack: Stack;
let page: Page;
let day: string;
let office: DeskOffice;

const shots = '/tmp/frontdesk-front-desk';

function requests(method: string, path: string) {
  return stack.sandbox.control.requests().filter((r) => r.method === method && r.path === path);
}

/** Everything a blank or broken area shows instead of its content. */
async function expectNoBlankArea(): Promise<void> {
  const main = page.locator('#main');
  await expect
    .poll(async () => ((await main.textContent()) ?? '').trim().length)
    .toBeGreaterThan(40);
  expect(await page.getByText(/answer could not be read/).count()).toBe(0);
  expect(await page.getByText(/Something went wrong/).count()).toBe(0);
}

function appointmentNode(id: string) {
  return page.locator(`[data-appointment-id="${id}"][tabindex]`);
}

beforeAll(async () => {
  stack = await startStack({ sandbox: { weekendClinic: true } });
  page = stack.page;
  await page.setViewportSize({ width: 1280, height: 720 });
  // The practice admin gave this account the front desk's permissions before it signed in.
  const switched = await fetch(`${stack.sandbox.url}/__sandbox/staff-profile`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ profile: 'front-desk', username: 'frontdesk' }),
  });
  expect(switched.status).toBe(200);
  // The stricter reading of `patient_flags`: only the flag's type, whose name this account may
  // not read (flag types need "Settings").
  stack.sandbox.control.setPatientFlagsNamed(false);
  await signIn(page);
  ({ day, office } = await openDeskCalendar(stack, page));
});

afterAll(async () => {
  await stack.close();
});

describe('a front desk account', () => {
  it('sees the day view with its appointments although settings and the staff list are refused', async () => {
    await page.getByLabel('Go to date').fill(day);
    await page.locator('[data-appointment-id][tabindex]').first().waitFor();
    const appointments = await sandboxDay(stack, day, office);
    expect(appointments.length).toBeGreaterThan(5);
    await expect
      .poll(() => page.locator('[data-appointment-id][tabindex]').count())
      .toBeGreaterThanOrEqual(appointments.length);
    // drchrono did refuse the optional lists: the calendar is there regardless.
    const refused = stack.sandbox.control
      .requests()
      .filter((r) => r.status === 403)
      .map((r) => r.path);
    expect(refused).toEqual(
      expect.arrayContaining([
        '/api/appointment_profiles',
        '/api/appointment_templates',
        '/api/users',
      ]),
    );
    await expectNoBlankArea();
    await page.screenshot({ path: `${shots}-day.png` });
  });

  it("shows a flagged patient's flag on the card, unnamed, and says why the name is missing", async () => {
    const appointments = await sandboxDay(stack, day, office);
    let flagged: DeskAppointment | undefined;
    for (const a of appointments) {
      if (a.patient === null) continue;
      const p = await serverGet<Json>(stack, `/api/patients/${String(a.patient)}?verbose=true`);
      if (((p.patient_flags_attached ?? []) as unknown[]).length > 0) {
        flagged = a;
        break;
      }
    }
    if (!flagged) throw new Error('no flagged patient has a visit on the day');
    const node = appointmentNode(flagged.id);
    const card = page.getByRole('dialog', { name: /^Appointment: / });
    // The roster learns the flags as it pages through the patients, after sign-in.
    await expect
      .poll(async () => {
        await page.mouse.move(0, 0);
        await node.hover();
        await card.waitFor();
        return (await card.textContent()) ?? '';
      })
      .toContain('Alert flag');
    await card
      .getByText(
        /^Patient flag types are not available to this drchrono account: it lacks the “.+” permissions?\.$/,
      )
      .waitFor();
    await page.screenshot({ path: `${shots}-flag.png` });
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
  });

  it('books an appointment without profiles; the profile field says why it is empty', async () => {
    const appointments = await sandboxDay(stack, day, office);
    const slot = freeSlot({ day, office, appointments }, 30, null, '13:00');
    const patients = await serverGet<{ results: Json[] }>(stack, '/api/patients?page_size=20');
    const patient = patients.results.find((p) => String(p.last_name).length > 3)!;
    stack.sandbox.control.clearRequests();
    await page.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog
      .getByText(
        'Appointment profiles are not available to this drchrono account: it lacks the “Settings” permission.',
      )
      .waitFor();
    await dialog.getByRole('combobox', { name: 'Patient' }).fill(String(patient.last_name));
    await dialog
      .getByRole('option', {
        name: new RegExp(`${String(patient.last_name)}, ${String(patient.first_name)}`),
      })
      .first()
      .click();
    await dialog.getByLabel('Exam room').selectOption(String(slot.room));
    await dialog.getByLabel(/Start/).fill(`${day}T${slot.start}`);
    await page.screenshot({ path: `${shots}-booking.png` });
    await dialog.getByRole('button', { name: 'Book' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => requests('POST', '/api/appointments').length).toBe(1);
    expect(requests('POST', '/api/appointments')[0]).toMatchObject({
      status: 201,
      body: {
        patient: patient.id,
        exam_room: slot.room,
        scheduled_time: `${day}T${slot.start}:00`,
      },
    });
    await page
      .locator(
        `[aria-label^="${formatClock(`${day}T${slot.start}:00`, true)} ${String(patient.first_name)} ${String(patient.last_name)}"]`,
      )
      .first()
      .waitFor();
  });

  let moved: DeskAppointment;
  it('drags an appointment to another room and changes its status', async () => {
    await page.getByLabel('Slots').selectOption('30');
    const appointments = await sandboxDay(stack, day, office);
    moved = draggableVisit(appointments);
    const to = freeSlot({ day, office, appointments }, moved.duration, moved.exam_room, '14:00');
    stack.sandbox.control.clearRequests();
    await appointmentNode(moved.id).scrollIntoViewIfNeeded();
    await dragAppointment(page, { id: moved.id, examRoom: to.room, time: to.start });
    await expect.poll(() => requests('PATCH', `/api/appointments/${moved.id}`).length).toBe(1);
    expect(requests('PATCH', `/api/appointments/${moved.id}`)[0]).toMatchObject({
      status: 204,
      body: { scheduled_time: `${day}T${to.start}:00`, exam_room: to.room },
    });

    stack.sandbox.control.clearRequests();
    const node = appointmentNode(moved.id);
    await node.focus();
    await page.keyboard.press('3'); // Arrived
    await expect.poll(() => requests('PATCH', `/api/appointments/${moved.id}`).length).toBe(1);
    expect(requests('PATCH', `/api/appointments/${moved.id}`)[0]?.body).toEqual({
      status: 'Arrived',
    });
    await expect
      .poll(async () => (await node.getAttribute('aria-label')) ?? '')
      .toMatch(/, Arrived/);
  });

  it('opens the appointment card, and its billing explains itself by naming the permission', async () => {
    const node = appointmentNode(moved.id);
    await node.hover();
    const card = page.getByRole('dialog', { name: /^Appointment: / });
    await card.waitFor();
    await page.screenshot({ path: `${shots}-card.png` });
    await card.getByRole('button', { name: 'Billing' }).click();
    await page.getByRole('heading', { name: /^Billing — / }).waitFor();
    await page
      .getByText(
        /^Line items are not available to this drchrono account: it lacks the “Access Billing” and “Show Billing Tab” permissions\./,
      )
      .waitFor();
    await page.getByText(/Patient payments are not available to this drchrono account/).waitFor();
    expect(await page.getByRole('button', { name: 'Take payment' }).count()).toBe(0);
    await expectNoBlankArea();
    await page.screenshot({ path: `${shots}-billing.png`, fullPage: true });
  });

  it('edits a patient; the clinical tabs explain themselves and the rest of the patient works', async () => {
    const patients = await serverGet<{ results: Json[] }>(
      stack,
      '/api/patients?verbose=true&page_size=50',
    );
    const patient = patients.results.find((p) => p.patient_status === 'A')!;
    const record = await openPatient(page, patient);
    stack.sandbox.control.clearRequests();
    await record.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Edit patient details' });
    // The practice's own fields need Settings: the form says so where they would be.
    await form
      .getByText(
        'Custom demographics are not available to this drchrono account: it lacks the “Settings” permission.',
      )
      .waitFor();
    await form.getByLabel('Cell phone').fill('(845) 555-0142');
    await form.getByRole('button', { name: 'Save changes' }).first().click();
    await page.getByRole('button', { name: 'Edit details' }).waitFor();
    expect(requests('PATCH', `/api/patients/${String(patient.id)}`)[0]).toMatchObject({
      status: 204,
      body: { cell_phone: '(845) 555-0142' },
    });

    await page.getByRole('tab', { name: 'Allergies' }).click();
    await page
      .getByText(/Access Clinical Notes/)
      .first()
      .waitFor();
    // Nothing to retry and nothing to add: the account may not, and the tab says so.
    expect(await page.getByRole('button', { name: 'Add allergy' }).count()).toBe(0);
    await expectNoBlankArea();
    await page.screenshot({ path: `${shots}-clinical.png` });
    // The visits tab still lists the patient's appointments.
    await page.getByRole('tab', { name: 'Appointments' }).click();
    await page.getByRole('row').nth(1).waitFor();
    await expectNoBlankArea();
  });

  it('Today and Tasks are there too', async () => {
    await nav(page, 'Tasks');
    await page.getByRole('button', { name: 'Categories, statuses and templates' }).waitFor();
    await expectNoBlankArea();
    await nav(page, 'Today');
    await page.getByRole('heading', { name: /^Today/ }).waitFor();
    await expectNoBlankArea();
  });

  it('Settings → Connection shows what the account may do and why not', async () => {
    await nav(page, 'Settings');
    const table = page.getByRole('table').filter({ hasText: 'Appointments (calendar)' });
    await table.waitFor();
    const row = (name: RegExp) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await expect.poll(async () => (await row(/^Appointments/).textContent()) ?? '').toMatch(/Yes/);
    expect(await row(/^Appointment templates/).textContent()).toContain(
      'No (permission): it lacks the “Settings” permission',
    );
    expect(await row(/^Billing/).textContent()).toMatch(
      /No \(permission\): it lacks the “Access Billing”/,
    );
    expect(await row(/^Allergies/).textContent()).toMatch(
      /No \(permission\).*Access Clinical Notes/,
    );
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}-capabilities.png` });
    await expectNoBlankArea();
  });
});
