import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardPng } from './card-image';
import { dragAppointment } from '../bench/calendar-drag';
import { formatClock } from '../../shared/schedule';
import {
  draggableVisit,
  freeSlot,
  nav,
  openDeskCalendar,
  openPatient,
  openVisitBilling,
  sandboxDay,
  signIn,
  startStack,
  type Stack,
} from './harness';

/**
 * Issue 12 items 5–7 end to end (Chromium, the browser host, the sandbox): an insurance card
 * attached as a drchrono document (multipart with metatags, through the outbox, offline too), a
 * copay taken at check-in shown on the visit, and this desk's history of changes.
 */

type Json = Record<string, unknown>;

let stack: Stack;
let page: Page;
let patient: Json;

async function server(path: string): Promise<unknown> {
  const reply = await stack.sandbox.control.asOtherWorkstation('GET', path);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function results(path: string): Promise<Json[]> {
  return ((await server(path)) as { results: Json[] }).results;
}

function documentPosts() {
  return stack.sandbox.control
    .requests()
    .filter((r) => r.method === 'POST' && r.path === '/api/documents' && r.fault === null);
}

function statusBar() {
  return page.getByRole('contentinfo', { name: 'Status' });
}

/** Toasts cover part of the screen: closed before a screenshot. */
async function dismissToasts(): Promise<void> {
  const region = page.getByRole('region', { name: 'Notifications' });
  while ((await region.getByRole('button', { name: 'Dismiss' }).count()) > 0) {
    await region.getByRole('button', { name: 'Dismiss' }).first().click();
  }
}

async function attachCard(side: 'Front' | 'Back', name: string, image = cardPng()): Promise<void> {
  await page.getByRole('button', { name: 'Attach insurance card' }).click();
  const dialog = page.getByRole('dialog', { name: /Attach insurance card/ });
  await dialog.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'image/png',
    buffer: image,
  });
  await dialog.getByRole('img', { name: `Preview of ${name}` }).waitFor();
  await dialog.getByLabel('Side').selectOption(side.toLowerCase());
  if (side === 'Front') await dialog.screenshot({ path: '/tmp/frontdesk-paperwork-attach.png' });
  await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  stack = await startStack({ sandbox: { weekendClinic: true } });
  page = stack.page;
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page);
  const today = stack.sandbox.control.today;
  const visits = await results(`/api/appointments?date=${today}&page_size=250`);
  const visit = visits.find((a) => a.patient !== null && a.deleted_flag !== true)!;
  patient = (await server(`/api/patients/${String(visit.patient)}`)) as Json;
});

afterAll(async () => {
  await stack.close();
});

describe('insurance card and documents', () => {
  it('refuses a file that is not an image or PDF before sending anything', async () => {
    stack.sandbox.control.clearRequests();
    await openPatient(page, patient);
    await page.getByLabel('Account balance').waitFor();
    // The record's own reads: the sync engine's day polls and the roster's list reads (the record
    // reads its patient at /api/patients/:id) may land meanwhile.
    const background = (r: { path: string; query: Record<string, unknown> }) =>
      (r.path === '/api/appointments' && !('patient' in r.query)) || r.path === '/api/patients';
    const recordCalls = stack.sandbox.control
      .requests()
      .filter((r) => r.fault === null && !background(r)).length;
    stack.sandbox.control.clearRequests();
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByText('No documents in this patient’s chart yet.').waitFor();
    const tabCalls = stack.sandbox.control
      .requests()
      .filter((r) => r.fault === null && !background(r));
    expect(tabCalls.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/documents']);
    console.log(
      `[figure] API calls: patient record opened (with account balance) ${String(recordCalls)}, Documents tab 1`,
    );
    await page.getByRole('button', { name: 'Attach insurance card' }).click();
    const dialog = page.getByRole('dialog', { name: /Attach insurance card/ });
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'card.png',
      mimeType: 'image/png',
      buffer: Buffer.from('this is a text file named .png'),
    });
    await dialog
      .getByRole('alert')
      .filter({ hasText: /Only JPEG or PNG images and PDF files/ })
      .waitFor();
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'scan.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([cardPng(), Buffer.alloc(5 * 1024 * 1024)]),
    });
    await dialog
      .getByRole('alert')
      .filter({ hasText: /limit is 5 MB/ })
      .waitFor();
    await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
    await dialog.getByText('Choose a scan of the card or take a photo first.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(documentPosts()).toHaveLength(0);
  });

  it('uploads a card image as multipart with its metatags; it is listed and opens', async () => {
    stack.sandbox.control.clearRequests();
    const started = Date.now();
    await attachCard('Front', 'card-front.png');
    const row = page.getByRole('row', { name: /Insurance card \(front\)/ });
    await row.waitFor();
    console.log(
      `[figure] card image (${String(Math.round(cardPng().length / 1024))} KB PNG) chosen, attached and listed again in ${String(Date.now() - started)} ms`,
    );
    expect(await row.textContent()).toContain('insurance-card');

    const posts = documentPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({
      document: 'card-front.png',
      patient: String(patient.id),
      description: 'Insurance card (front)',
      metatags: JSON.stringify(['insurance-card', 'front']),
    });
    const listed = await results(`/api/documents?patient=${String(patient.id)}`);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ metatags: ['insurance-card', 'front'] });

    await row.getByRole('button', { name: /Open/ }).click();
    const viewer = page.getByRole('dialog', { name: 'Insurance card (front)' });
    const image = viewer.getByRole('img', { name: 'Insurance card (front)' });
    await image.waitFor();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(340);
    await viewer.getByRole('button', { name: 'Close' }).click();
  });

  it(
    'made offline, the upload waits in the outbox and is sent once when drchrono is back',
    {
      timeout: 240_000,
    },
    async () => {
      stack.sandbox.control.clearRequests();
      stack.sandbox.control.setOffline(true);
      // A photo-sized file: it crosses to main in several slices and waits, encrypted, in the outbox.
      const photo = cardPng(1400, 880, 60);
      expect(photo.length).toBeGreaterThan(2 * 1024 * 1024);
      await attachCard('Back', 'card-back.png', photo);
      await page
        .getByText(/will be sent when drchrono is reachable/)
        .first()
        .waitFor();
      await expect
        .poll(() => statusBar().textContent(), { timeout: 120_000, interval: 1000 })
        .toMatch(/1 pending/);
      expect(documentPosts()).toHaveLength(0);

      stack.sandbox.control.setOffline(false);
      const back = Date.now();
      await expect
        .poll(() => statusBar().textContent(), { timeout: 150_000, interval: 1000 })
        .toMatch(/All changes sent/);
      console.log(
        `[figure] ${(photo.length / (1024 * 1024)).toFixed(1)} MB card photo attached offline: 0 POSTs while offline, 1 POST ${String(Date.now() - back)} ms after drchrono returned`,
      );
      expect(documentPosts()).toHaveLength(1);
      expect(documentPosts()[0]?.body).toMatchObject({
        document: 'card-back.png',
        metatags: JSON.stringify(['insurance-card', 'back']),
      });
      await page.getByRole('row', { name: /Insurance card \(back\)/ }).waitFor({ timeout: 30_000 });
      const stored = await results(`/api/documents?patient=${String(patient.id)}`);
      expect(stored).toHaveLength(2);
      const backDoc = stored.find((d) => d.description === 'Insurance card (back)')!;
      // The signed link as another workstation got it, on the sandbox's real address.
      const link = new URL(String(backDoc.document));
      const file = await fetch(new URL(link.pathname + link.search, stack.sandbox.url));
      expect(Buffer.from(await file.arrayBuffer()).equals(photo)).toBe(true);
      await dismissToasts();
      await page.screenshot({ path: '/tmp/frontdesk-paperwork-documents.png' });
    },
  );
});

describe('copay at check-in', () => {
  it(
    'a copay taken before the visit has line items shows on the visit, then applies to its line item',
    {
      timeout: 180_000,
    },
    async () => {
      const today = stack.sandbox.control.today;
      const visits = (await results(`/api/appointments?date=${today}&page_size=250`)).filter(
        (a) => a.patient !== null && a.deleted_flag !== true,
      );
      let visit: Json | undefined;
      for (const candidate of visits) {
        if (candidate.patient === patient.id) continue;
        const sameDay = visits.filter((a) => a.patient === candidate.patient);
        if (sameDay.length !== 1) continue;
        const items = await results(`/api/line_items?appointment=${String(candidate.id)}`);
        if (items.length === 0) {
          visit = candidate;
          break;
        }
      }
      if (!visit) throw new Error('The sandbox has no unbilled visit today');
      const visitId = String(visit.id);
      const payer = (await server(`/api/patients/${String(visit.patient)}`)) as Json;
      await openPatient(page, payer);
      await openVisitBilling(page, today);
      await page.getByRole('heading', { name: /^Billing — / }).waitFor();
      await page.getByText('No line items on this appointment yet.').waitFor();

      await page.getByRole('button', { name: 'Take payment' }).click();
      const dialog = page.getByRole('dialog', { name: /Take a payment/ });
      await dialog.getByText(/marked for this visit/).waitFor();
      await dialog.getByLabel(/Amount/).fill('25.00');
      await dialog.getByLabel('Method').selectOption('CASH');
      await dialog.getByRole('button', { name: 'Record payment' }).click();
      await dialog.waitFor({ state: 'detached' });
      const collected = page.getByLabel('Collected $25.00');
      await collected.waitFor();
      expect(await collected.textContent()).toMatch(/Collected \$25\.00 · Cash/);
      await dismissToasts();
      await page.screenshot({ path: '/tmp/frontdesk-paperwork-copay.png' });

      const onAccount = (
        await results(`/api/patient_payments?patient=${String(visit.patient)}`)
      ).find((p) => p.amount === '25.00' && String(p.notes).includes(`[visit ${visitId}]`));
      // drchrono takes `appointment` only with a line item: the copay is on the account, marked.
      expect(onAccount).toMatchObject({ appointment: null, line_item: null });

      await page.getByRole('button', { name: 'Add line item' }).click();
      const line = page.getByRole('dialog', { name: 'Add a line item' });
      await line.getByLabel(/Procedure code/).fill('99213');
      await line.getByLabel(/Price/).fill('125.00');
      await line.getByRole('button', { name: 'Add line item' }).click();
      await line.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Apply to a line item' }).click();
      const apply = page.getByRole('dialog', { name: /Apply the \$25\.00 collected at check-in/ });
      await apply.getByRole('button', { name: 'Apply', exact: true }).click();
      await apply.waitFor({ state: 'detached' });
      await page
        .getByRole('button', { name: 'Apply to a line item' })
        .waitFor({ state: 'detached' });
      expect(await page.getByLabel('Collected $25.00').textContent()).toMatch(
        /Collected \$25\.00 · Cash$/,
      );

      const after = await results(`/api/patient_payments?patient=${String(visit.patient)}`);
      const [item] = await results(`/api/line_items?appointment=${visitId}`);
      expect(
        after.filter((p) => String(p.notes).includes(`[from payment ${String(onAccount!.id)}]`)),
      ).toEqual([
        expect.objectContaining({
          amount: '25.00',
          appointment: Number(visitId),
          line_item: item!.id,
        }),
      ]);
      expect(
        after.filter((p) => String(p.notes).includes(`[applied ${String(onAccount!.id)}]`)),
      ).toEqual([expect.objectContaining({ amount: '-25.00', appointment: null })]);
      expect(item).toMatchObject({ pt_paid: '25.00' });

      // The record: the account balance, and payments named by their visit, not by an id.
      await page.getByRole('button', { name: 'Open patient' }).click();
      await page.getByLabel('Account balance').waitFor();
      await page.getByRole('tab', { name: 'Payments' }).click();
      const table = page.getByRole('table').first();
      await table.getByRole('cell', { name: /· Dr / }).first().waitFor();
      const text = (await page.getByRole('tabpanel').textContent()) ?? '';
      expect(text).not.toMatch(/Appointment \d{5,}/);
      expect(text).not.toMatch(/\[visit|\[applied|\[from payment/);
      expect(text).toMatch(/[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{1,2}:\d{2} (AM|PM) · Dr \w+/);
      await dismissToasts();
      await page.screenshot({ path: '/tmp/frontdesk-paperwork-payments.png' });
    },
  );
});

describe('history of this desk’s changes', () => {
  it(
    'a move shows on the card and in History with before → after',
    { timeout: 180_000 },
    async () => {
      await page.setViewportSize({ width: 1600, height: 1300 });
      const { day, office } = await openDeskCalendar(stack, page);
      await page.getByLabel('Slots').selectOption('30');
      await page.getByLabel('Go to date').fill(day);
      await page.locator('[data-appointment-id][tabindex]').first().waitFor();
      const appointments = await sandboxDay(stack, day, office);
      const moved = draggableVisit(appointments);
      const to = freeSlot({ day, office, appointments }, moved.duration, moved.exam_room, '14:00');
      // The demo practice is in the US: the desk reads a 12-hour clock.
      const fromTime = formatClock(moved.scheduled_time, true);
      const roomName = (index: number) => office.exam_rooms.find((r) => r.index === index)!.name;
      stack.sandbox.control.clearRequests();
      await dragAppointment(page, { id: moved.id, examRoom: to.room, time: to.start });
      await expect
        .poll(
          () =>
            stack.sandbox.control
              .requests()
              .filter((r) => r.method === 'PATCH' && r.path === `/api/appointments/${moved.id}`)
              .length,
        )
        .toBe(1);

      await page.locator(`[data-appointment-id="${moved.id}"][tabindex]`).focus();
      const card = page.getByRole('dialog', { name: /^Appointment: / });
      await card
        .getByText(
          new RegExp(
            `Moved from ${fromTime} ${roomName(moved.exam_room)} by frontdesk at \\d{1,2}:\\d{2} (AM|PM)`,
          ),
        )
        .waitFor();
      await card.screenshot({ path: '/tmp/frontdesk-paperwork-card.png' });
      await page.keyboard.press('Escape');

      await page.setViewportSize({ width: 1280, height: 720 });
      await nav(page, 'History');
      await page.getByRole('heading', { name: 'History' }).waitFor();
      const row = page
        .getByRole('table', { name: 'Changes' })
        .getByRole('row')
        .filter({ hasText: `Time: ${fromTime} → ${formatClock(`${day}T${to.start}:00`, true)}` });
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('frontdesk');
      expect(text).toContain(`Room: ${roomName(moved.exam_room)} → ${roomName(to.room)}`);
      expect(text).toContain('Delivered');
      // Searchable by patient: another name hides it.
      await page.getByRole('searchbox', { name: /Patient/ }).fill('zzzz');
      await row.waitFor({ state: 'detached' });
      await page.getByRole('searchbox', { name: /Patient/ }).fill('');
      await row.waitFor();
      await dismissToasts();
      await page.screenshot({ path: '/tmp/frontdesk-paperwork-history.png' });

      // Retention is a setting; the History screen says what it is.
      await nav(page, 'Settings');
      await page.getByLabel('Keep changes for').selectOption('30');
      await page.getByText('History kept for 30 days').waitFor();
      await nav(page, 'History');
      await page.getByText(/kept 30 days/).waitFor();
      await row.waitFor();
    },
  );
});
