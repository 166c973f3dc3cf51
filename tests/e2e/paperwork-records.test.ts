import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardPng } from './card-image';
import { openPatient, signIn, startStack, type Stack } from './harness';

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

async function attachCard(side: 'Front' | 'Back', name: string): Promise<void> {
  await page.getByRole('button', { name: 'Attach insurance card' }).click();
  const dialog = page.getByRole('dialog', { name: /Attach insurance card/ });
  await dialog.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'image/png',
    buffer: cardPng(),
  });
  await dialog.getByRole('img', { name: `Preview of ${name}` }).waitFor();
  await dialog.getByLabel('Side').selectOption(side.toLowerCase());
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
    await openPatient(page, patient);
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByText('No documents in this patient’s chart yet.').waitFor();
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
    await attachCard('Front', 'card-front.png');
    const row = page.getByRole('row', { name: /Insurance card \(front\)/ });
    await row.waitFor();
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
      await attachCard('Back', 'card-back.png');
      await page
        .getByText(/will be sent when drchrono is reachable/)
        .first()
        .waitFor();
      await expect
        .poll(() => statusBar().textContent(), { timeout: 120_000, interval: 1000 })
        .toMatch(/1 pending/);
      expect(documentPosts()).toHaveLength(0);

      stack.sandbox.control.setOffline(false);
      await expect
        .poll(() => statusBar().textContent(), { timeout: 150_000, interval: 1000 })
        .toMatch(/All changes sent/);
      expect(documentPosts()).toHaveLength(1);
      expect(documentPosts()[0]?.body).toMatchObject({
        document: 'card-back.png',
        metatags: JSON.stringify(['insurance-card', 'back']),
      });
      await page.getByRole('row', { name: /Insurance card \(back\)/ }).waitFor({ timeout: 30_000 });
      expect(await results(`/api/documents?patient=${String(patient.id)}`)).toHaveLength(2);
      await page.screenshot({ path: '/tmp/frontdesk-paperwork-documents.png' });
    },
  );
});
