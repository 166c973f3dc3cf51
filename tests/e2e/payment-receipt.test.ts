import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitLabel } from '../../renderer/billing/visit-label';
import { formatBirthDate } from '../../shared/time/birth-date';
import {
  browserTimezone,
  openPatient,
  openVisitBilling,
  pdfPages,
  serverGet,
  signIn,
  startStack,
  waitQuiet,
  expectPrintedOnce,
  type Stack,
} from './harness';

/**
 * Issue 12 items 1 and 6, "a receipt prints", end to end (Chromium in another zone than the
 * practice, the browser host, the sandbox): a copay taken at check-in offers its receipt on the
 * toast; the receipt's PDF names the patient, amount, method and visit in words, and carries no
 * navigation; opening and printing it costs no drchrono call. The visit's "Collected" line and the
 * Payments tab offer the same receipt.
 */

type Json = Record<string, unknown>;

let stack: Stack;
let page: Page;

async function results(path: string): Promise<Json[]> {
  return (await serverGet<{ results: Json[] }>(stack, path)).results;
}

/** Calls towards drchrono, leaving out the background sync's `since` polls. */
function apiRequests() {
  return stack.sandbox.control
    .requests()
    .filter(
      (r) =>
        r.path.startsWith('/api/') && r.fault === null && !(r.method === 'GET' && r.query.since),
    );
}

const normalized = (text: string) => text.replace(/\s+/g, ' ');

/** The receipt dialog's preview, as text with its facts one per line. */
async function previewText(): Promise<string> {
  const preview = page
    .getByRole('dialog', { name: 'Payment receipt' })
    .getByRole('region', { name: 'Print preview' });
  return normalized((await preview.textContent()) ?? '');
}

beforeAll(async () => {
  stack = await startStack({ sandbox: { weekendClinic: true }, timezoneId: browserTimezone });
  page = stack.page;
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page);
});

afterAll(async () => {
  await stack.close();
});

describe('payment receipt', () => {
  it(
    'a copay taken at check-in prints a receipt naming the patient, amount, method and visit',
    { timeout: 180_000 },
    async () => {
      const today = stack.sandbox.control.today;
      const visits = (await results(`/api/appointments?date=${today}&page_size=250`)).filter(
        (a) => a.patient !== null && a.deleted_flag !== true,
      );
      let visit: Json | undefined;
      for (const candidate of visits) {
        if (visits.filter((a) => a.patient === candidate.patient).length !== 1) continue;
        if ((await results(`/api/line_items?appointment=${String(candidate.id)}`)).length === 0) {
          visit = candidate;
          break;
        }
      }
      if (!visit) throw new Error('The sandbox has no unbilled visit today');
      const payer = await serverGet<Json>(stack, `/api/patients/${String(visit.patient)}`);
      const doctor = await serverGet<{ id: number; last_name: string }>(
        stack,
        `/api/doctors/${String(visit.doctor)}`,
      );
      const words = visitLabel(
        { scheduled_time: String(visit.scheduled_time), doctor: Number(visit.doctor) },
        [doctor],
      );
      const name = `${String(payer.first_name)} ${String(payer.last_name)}`;

      await openPatient(page, payer);
      await openVisitBilling(page, today);
      await page.getByRole('heading', { name: /^Billing — / }).waitFor();
      await page.getByText('No line items on this appointment yet.').waitFor();
      await page.getByRole('button', { name: 'Take payment' }).click();
      const dialog = page.getByRole('dialog', { name: /Take a payment/ });
      await dialog.getByLabel(/Amount/).fill('25.00');
      await dialog.getByLabel('Method').selectOption('CASH');
      await dialog.getByRole('button', { name: 'Record payment' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByLabel('Collected $25.00').waitFor();
      const copay = (await results(`/api/patient_payments?patient=${String(visit.patient)}`)).find(
        (p) => p.amount === '25.00' && String(p.notes).includes(`[visit ${String(visit.id)}]`),
      );
      expect(copay).toBeDefined();

      // The toast that says it was recorded offers the receipt; nothing more is asked of drchrono.
      await waitQuiet(stack);
      stack.sandbox.control.clearRequests();
      const toast = page
        .getByRole('region', { name: 'Notifications' })
        .getByRole('status')
        .filter({ hasText: 'Payment of $25.00 recorded' });
      await toast.getByRole('button', { name: 'Print receipt' }).click();
      const receipt = page.getByRole('dialog', { name: 'Payment receipt' });
      await receipt.getByRole('region', { name: 'Print preview' }).waitFor();
      const shown = await previewText();
      expect(shown).toContain(name);
      expect(shown).toContain(`Date of birth${formatBirthDate(String(payer.date_of_birth))}`);
      expect(shown).toContain('Amount$25.00');
      expect(shown).toContain('MethodCash');
      expect(shown).toContain(`Visit${words}`);
      expect(shown).toContain('On the patient’s account, for this visit');
      expect(shown).toContain(`Receipt no. ${String(copay!.id)}`);
      await page.screenshot({ path: '/tmp/frontdesk-receipt-preview.png' });

      const started = performance.now();
      const pdf = await page.pdf({ format: 'Letter', printBackground: true });
      const ms = performance.now() - started;
      const pages = await pdfPages(new Uint8Array(pdf));
      console.log(
        `[figure] receipt PDF: ${String(pages.length)} page(s), produced in ${ms.toFixed(0)} ms`,
      );
      expect(pages).toHaveLength(1);
      const text = normalized(pages.join('\n'));
      expect(text).toContain('Payment receipt');
      expect(text).toContain(name);
      expect(text).toContain('$25.00');
      expect(text).toContain('Cash');
      expect(text).toContain(words);
      expect(text).toContain(String(copay!.id));
      // Paper only: none of the app's navigation, the billing screen behind, or the dialog's buttons.
      for (const chrome of [
        'Outbox',
        'Settings',
        'Sign out',
        'Take payment',
        'Line items',
        'Print preview',
        'Save as PDF',
        'Print receipt',
      ])
        expect(text).not.toContain(chrome);

      // The browser host prints through the browser's own print.
      await expectPrintedOnce(page, receipt.getByRole('button', { name: 'Print…' }));
      const calls = apiRequests();
      console.log(
        `[figure] API calls opening and printing a receipt: ${String(calls.length)}${calls.map((r) => ` · ${r.method} ${r.path}`).join('')}`,
      );
      expect(calls).toEqual([]);
      await receipt.locator('footer').getByRole('button', { name: 'Close' }).click();
      await receipt.waitFor({ state: 'detached' });

      // The visit's "Collected" line offers the same receipt.
      await page.getByRole('button', { name: 'Print receipt' }).first().click();
      await receipt.getByRole('region', { name: 'Print preview' }).waitFor();
      expect(await previewText()).toContain(`Receipt no. ${String(copay!.id)}`);
      await receipt.locator('footer').getByRole('button', { name: 'Close' }).click();
      await receipt.waitFor({ state: 'detached' });

      // So does its row on the patient's Payments tab, with the visit in words.
      await page.getByRole('button', { name: 'Open patient' }).click();
      await page.getByRole('tab', { name: 'Payments' }).click();
      const row = page.getByRole('row').filter({ hasText: words }).filter({ hasText: '$25.00' });
      await row.getByRole('button', { name: 'Print receipt' }).click();
      await receipt.getByRole('region', { name: 'Print preview' }).waitFor();
      const fromTab = await previewText();
      expect(fromTab).toContain(`Visit${words}`);
      expect(fromTab).toContain(`Receipt no. ${String(copay!.id)}`);
      expect(fromTab).toContain(`Date of birth${formatBirthDate(String(payer.date_of_birth))}`);
      await page.screenshot({ path: '/tmp/frontdesk-receipt-payments-tab.png' });
      await receipt.locator('footer').getByRole('button', { name: 'Close' }).click();
      await receipt.waitFor({ state: 'detached' });
    },
  );

  it(
    'a payment taken offline prints a receipt whose number is still to come from drchrono',
    { timeout: 180_000 },
    async () => {
      // Still on the patient's Payments tab from the test above.
      stack.sandbox.control.setOffline(true);
      try {
        await page.getByRole('button', { name: 'Take payment on account' }).click();
        const dialog = page.getByRole('dialog', { name: /Take a payment/ });
        await dialog.getByLabel(/Amount/).fill('40.00');
        await dialog.getByLabel('Method').selectOption('CHCK');
        await dialog.getByLabel('Check or reference number').fill('1187');
        await dialog.getByRole('button', { name: 'Record payment' }).click();
        await dialog.waitFor({ state: 'detached' });
        const toast = page
          .getByRole('region', { name: 'Notifications' })
          .getByRole('status')
          .filter({ hasText: 'will be sent when drchrono is reachable' });
        await toast.getByRole('button', { name: 'Print receipt' }).click();
        const receipt = page.getByRole('dialog', { name: 'Payment receipt' });
        await receipt.getByRole('region', { name: 'Print preview' }).waitFor();
        const shown = await previewText();
        expect(shown).toContain('Receipt no. pending — not yet sent to drchrono');
        expect(shown).toContain('Amount$40.00');
        expect(shown).toContain('MethodCheck (reference 1187)');
        expect(shown).toContain('VisitNone (a payment on the account)');
        expect(shown).toContain('AppliedOn the patient’s account');
        expect(shown).toContain('Taken byfrontdesk');
        const pdf = await page.pdf({ format: 'Letter', printBackground: true });
        const text = normalized((await pdfPages(new Uint8Array(pdf))).join('\n'));
        expect(text).toContain('pending — not yet sent to drchrono');
        expect(text).toContain('$40.00');
        await page.screenshot({ path: '/tmp/frontdesk-receipt-pending.png' });
        await receipt.locator('footer').getByRole('button', { name: 'Close' }).click();
      } finally {
        stack.sandbox.control.setOffline(false);
      }
    },
  );
});
