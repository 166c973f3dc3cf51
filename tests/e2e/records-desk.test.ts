import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nav, openPatient, openVisitBilling, signIn, startStack, type Stack } from './harness';

/**
 * Records at the desk, end to end: Chromium (in another time zone than the practice) through the
 * browser host against the sandbox. Each scenario checks what the sandbox holds afterwards and,
 * for edits, what the request that changed it carried.
 */

let stack: Stack;

type Json = Record<string, unknown>;

async function server(path: string): Promise<unknown> {
  const reply = await stack.sandbox.control.asOtherWorkstation('GET', path);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function results(path: string): Promise<Json[]> {
  return ((await server(path)) as { results: Json[] }).results;
}

/** The app's requests to the sandbox with this method and path, since the log was last cleared. */
function requests(method: string, path: string) {
  return stack.sandbox.control.requests().filter((r) => r.method === method && r.path === path);
}

beforeAll(async () => {
  // The walk-in clinic staffs weekends too, so "today" has appointments whatever day this runs.
  stack = await startStack({ sandbox: { weekendClinic: true } });
  await stack.page.setViewportSize({ width: 1366, height: 900 });
  await signIn(stack.page);
});

afterAll(async () => {
  await stack.close();
});

describe('records: patients', () => {
  it('finds a patient, edits the phone and the insurance; the PATCHes carry only those', async () => {
    const { page } = stack;
    const patients = await results('/api/patients?verbose=true&page_size=50');
    const patient = patients.find(
      (p) => (p.primary_insurance as Json | null)?.insurance_company && p.patient_status === 'A',
    )!;
    const id = Number(patient.id);
    const cardBefore = patient.primary_insurance as Json;
    const record = await openPatient(page, patient);
    stack.sandbox.control.clearRequests();

    await record.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Edit patient details' });
    await form.getByLabel('Cell phone').fill('(845) 555-0199');
    await form.getByRole('button', { name: 'Save changes' }).first().click();
    await page.getByRole('button', { name: 'Edit details' }).waitFor();

    const phonePatches = requests('PATCH', `/api/patients/${id}`);
    expect(phonePatches).toHaveLength(1);
    expect(phonePatches[0]?.body).toEqual({ cell_phone: '(845) 555-0199' });

    await page.getByRole('tab', { name: 'Insurance' }).click();
    await page.getByRole('button', { name: 'Edit primary insurance' }).click();
    const dialog = page.getByRole('dialog', { name: /Primary insurance/ });
    await dialog.getByText(/may make past appointments unbillable/).waitFor();
    await dialog.getByLabel(/Member ID/).fill('ZX4455667788');
    await dialog.getByRole('button', { name: 'Save insurance' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('ZX4455667788').waitFor();
    await page.screenshot({ path: '/tmp/frontdesk-records-insurance.png', fullPage: true });

    const patches = requests('PATCH', `/api/patients/${id}`);
    expect(patches).toHaveLength(2);
    const body = patches[1]?.body as Json;
    expect(Object.keys(body)).toEqual(['primary_insurance']);
    // The card went back whole: keys Frontdesk never shows were laid under the change.
    expect(body.primary_insurance).toEqual({ ...cardBefore, insurance_id_number: 'ZX4455667788' });

    const after = (await server(`/api/patients/${id}?verbose=true`)) as Json;
    expect(after.cell_phone).toBe('(845) 555-0199');
    expect(after.primary_insurance).toEqual({ ...cardBefore, insurance_id_number: 'ZX4455667788' });
    expect(after.email).toBe(patient.email);
  });

  it('adds an allergy', async () => {
    const { page } = stack;
    await page.getByRole('tab', { name: 'Allergies' }).click();
    await page.getByText(/drchrono has no delete for allergies/).waitFor();
    await page.getByRole('button', { name: 'Add allergy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add allergy' });
    await dialog.getByLabel(/Allergy/).fill('Shellfish');
    await dialog.getByLabel('Reaction', { exact: true }).fill('Hives');
    await dialog.getByRole('button', { name: 'Add allergy' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Shellfish/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Reaction: Hives');

    const posts = requests('POST', '/api/allergies');
    expect(posts).toHaveLength(1);
    const patientId = (posts[0]?.body as Json).patient;
    const allergies = await results(`/api/allergies?patient=${String(patientId)}&verbose=true`);
    expect(allergies.find((a) => a.description === 'Shellfish')).toMatchObject({
      reaction: 'Hives',
      status: 'active',
    });
  });
});

describe('records: billing at the desk', () => {
  it('takes a copay on today’s appointment and the balance changes', async () => {
    const { page } = stack;
    const today = stack.sandbox.control.today;
    const appointments = await results(`/api/appointments?date=${today}&page_size=250`);
    const visit = appointments.find((a) => a.patient !== null && a.deleted_flag !== true)!;
    const patient = (await server(`/api/patients/${String(visit.patient)}`)) as Json;
    await openPatient(page, patient);
    await openVisitBilling(page, today);
    await page.getByRole('heading', { name: /^Billing — / }).waitFor();

    const totals = page.getByLabel('Totals');
    const owed = async () =>
      ((await totals.textContent()) ?? '').match(/Patient owes\$([\d,]+\.\d{2})/)?.[1] ?? '';
    // A visit billed at the desk: add the office visit if nothing is on it yet, or if what is on
    // it is settled already (the seed pays some visits in full, depending on the day).
    await page
      .getByText('No line items on this appointment yet.')
      .or(page.getByRole('cell').first())
      .first()
      .waitFor();
    const settled =
      (await page.getByText('No line items on this appointment yet.').count()) > 0 ||
      (await owed()) === '0.00';
    if (settled) {
      await page.getByRole('button', { name: 'Add line item' }).click();
      const line = page.getByRole('dialog', { name: 'Add a line item' });
      await line.getByLabel(/Procedure code/).fill('99213');
      await line.getByLabel(/Price/).fill('125.00');
      await line.getByRole('button', { name: 'Add line item' }).click();
      await line.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: /99213/ }).first().waitFor();
    }
    await expect.poll(owed).not.toBe('0.00');
    const before = await owed();

    await page.getByRole('button', { name: 'Take payment' }).click();
    const dialog = page.getByRole('dialog', { name: /Take a payment/ });
    await dialog.getByLabel(/Amount/).fill('5.00');
    await dialog.getByLabel('Method').selectOption('CASH');
    await dialog.getByLabel('Notes').fill('Copay at check-in');
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(owed).not.toBe(before);
    const after = await owed();
    expect(Number(before.replace(/,/g, '')) * 100 - Number(after.replace(/,/g, '')) * 100).toBe(
      500,
    );
    await page.getByRole('cell', { name: '$5.00' }).first().waitFor();
    await page.screenshot({ path: '/tmp/frontdesk-records-billing.png', fullPage: true });

    const posts = requests('POST', '/api/patient_payments');
    expect(posts.at(-1)?.body).toMatchObject({
      amount: '5.00',
      payment_method: 'CASH',
      // An integer, as the reference documents `appointment` on payments.
      appointment: Number(visit.id),
      patient: visit.patient,
    });
    const payments = await results(`/api/patient_payments?patient=${String(visit.patient)}`);
    expect(
      payments.some((p) => p.amount === '5.00' && String(p.appointment) === String(visit.id)),
    ).toBe(true);
  });
});

describe('records: tasks', () => {
  it('creates a task from a template, assigns it, completes it', async () => {
    const { page } = stack;
    await nav(page, 'Tasks');
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    const template = (await results('/api/task_templates'))[0]!;
    await page
      .getByLabel('New task from a template')
      .selectOption({ label: String(template.name) });
    const dialog = page.getByRole('dialog', { name: 'New task' });
    const title = `${String(template.default_title)} (e2e)`;
    await dialog.getByLabel(/Title/).fill(title);
    const users = await results('/api/users');
    const me = users.find((u) => u.username === 'frontdesk')!;
    await dialog.getByLabel(/Assigned to/).selectOption(`u:${String(me.id)}`);
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: title, exact: true }).waitFor();

    const created = (await results('/api/tasks?page_size=250')).find((t) => t.title === title)!;
    expect(created).toMatchObject({
      assignee_user: me.id,
      status: template.default_status,
      priority: template.default_priority,
    });

    await page.getByRole('button', { name: `Complete: ${title}` }).click();
    await page.getByRole('button', { name: title, exact: true }).waitFor({ state: 'detached' });
    const statuses = await results('/api/task_statuses');
    const done = (await server(`/api/tasks/${String(created.id)}`)) as Json;
    expect(statuses.find((s) => s.id === done.status)?.status_category).toBe('C');
    const patches = requests('PATCH', `/api/tasks/${String(created.id)}`);
    expect(patches.map((p) => p.body)).toEqual([{ status: done.status }]);
    await page.screenshot({ path: '/tmp/frontdesk-records-tasks.png', fullPage: true });
  });

  it('when drchrono refuses task writes (405), says so and keeps what was typed', async () => {
    const { page } = stack;
    stack.sandbox.control.setTasksWritable(false);
    try {
      await page.getByRole('button', { name: 'New task' }).click();
      const dialog = page.getByRole('dialog', { name: 'New task' });
      await dialog.getByLabel(/Title/).fill('Scan the new insurance card');
      await dialog.getByRole('button', { name: 'Create task' }).click();
      await dialog
        .getByRole('alert')
        .getByText(/your task is still in the form/)
        .waitFor();
      expect(await dialog.getByLabel(/Title/).inputValue()).toBe('Scan the new insurance card');
      await page.screenshot({ path: '/tmp/frontdesk-records-task-405.png' });
    } finally {
      stack.sandbox.control.setTasksWritable(true);
    }
  });
});
