import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../shared/time/clock';
import {
  nav,
  openDeskCalendar,
  openPatient,
  sandboxDay,
  serverGet,
  signIn,
  startStack,
  type Stack,
} from './harness';
import { seedMorning } from './harness/today-day';

/**
 * Issue 9 "Degrade per feature, never per app", for the feature endpoints single screens read
 * beyond the appointments themselves (payments, eligibility, line items, transactions, reminder
 * profiles, documents, the clinical lists, tasks). All of them answer drchrono's 403, then (on a
 * fresh stack) a body that cannot be read, from before sign-in. Every area that reads them must
 * still show its own content, no generic failure may take it over, and each affected section must
 * say what failed. Prints how many areas were blanked.
 */

const featureEndpoints = [
  '/api/patient_payments',
  '/api/patient_payment_log',
  '/api/eligibility_checks',
  '/api/line_items',
  '/api/transactions',
  '/api/reminder_profiles',
  '/api/documents',
  '/api/allergies',
  '/api/medications',
  '/api/problems',
  '/api/tasks',
] as const;
const answers = ['forbidden', 'unreadable'] as const;
type Answer = (typeof answers)[number];

/**
 * A section's notice names what failed, whichever way it failed: "Eligibility is not available: …",
 * "Documents could not be read: …", "… the signed-in account may not use tasks. …".
 */
const notice = (what: string) =>
  new RegExp(
    `${what}[^.:]*(not available|could not be read|not shown)|may not use [^.]*${what}`,
    'i',
  );

/** What a blank or taken-over area shows instead of its content. */
const generic = /drchrono['’]s answer could not be read|Something went wrong|could not be shown/;

type Json = Record<string, unknown>;

let offset = 0;
const clock: Clock = {
  now: () => Date.now() + offset,
  sleep: (ms, signal) => systemClock.sleep(ms, signal),
};

const blanked: string[] = [];
let pairs = 0;
const shots = '/tmp/frontdesk-features';

/** The scope's text as a reader sees it, spaces folded. */
async function textOf(scope: Locator): Promise<string> {
  return ((await scope.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * One area under the faults: `content` resolves once the area's own content is there, `notices`
 * are the sections that must say what failed. Once the area has settled (no spinner left), it
 * must not be blank nor taken over by a generic failure. The area counts as blanked on any
 * shortfall, which is printed with the area's text.
 */
async function area(
  page: Page,
  answer: Answer,
  name: string,
  check: { content: () => Promise<unknown>; notices: string[]; scope?: Locator },
): Promise<void> {
  pairs += 1;
  const problems: string[] = [];
  const scope = check.scope ?? page.locator('#main');
  try {
    await check.content();
  } catch (error) {
    problems.push(`own content missing (${String(error).split('\n')[0] ?? ''})`);
  }
  const settled = () => scope.locator('.fd-spinner').count();
  await expect
    .poll(settled, { timeout: 10_000 })
    .toBe(0)
    .catch(() => undefined);
  for (const what of check.notices) {
    const found = await expect
      .poll(async () => notice(what).test(await textOf(scope)), { timeout: 5_000 })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    if (!found) problems.push(`no notice naming ${what}`);
  }
  const text = await textOf(scope);
  if (text.length < 40) problems.push('blank');
  const takeover = generic.exec(text);
  if (takeover) problems.push(`generic failure shown: “${takeover[0]}”`);
  if (problems.length > 0) {
    blanked.push(`${answer} × ${name}: ${problems.join('; ')}`);
    console.log(`[feature-endpoints] ${answer} × ${name}: ${text.slice(0, 600)}`);
  }
}

afterAll(() => {
  console.log(
    `[figure] screens blanked by refused feature endpoints: ${String(blanked.length)} of ${String(pairs)}` +
      (blanked.length > 0 ? `\n  ${blanked.join('\n  ')}` : ''),
  );
});

describe.each(answers)('every feature endpoint answering %s', (answer) => {
  let stack: Stack | undefined;

  afterAll(async () => {
    await stack?.close();
  });

  it('leaves every area that reads them showing its own content and saying what failed', async () => {
    const before = blanked.length;
    const desk = await startStack({ sandbox: { clock, weekendClinic: true } });
    stack = desk;
    const page = desk.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    const { visits } = await seedMorning(desk, (ms) => {
      offset = ms;
    });
    for (const path of featureEndpoints) {
      desk.sandbox.control.setEndpointFault({ path, method: '*', answer });
    }
    await signIn(page);

    // Today, the first screen: its columns with the morning's patients.
    await area(page, answer, 'Today', {
      content: async () => {
        await page.getByRole('heading', { level: 1, name: /^Today/ }).waitFor();
        await page.getByRole('heading', { level: 2, name: /^Waiting \d+$/ }).waitFor();
        const first = visits[0];
        if (first) await page.getByText(first.name).first().waitFor();
        else await page.locator('[data-appointment-row]').first().waitFor();
      },
      notices: ['Eligibility', 'Payments collected today'],
    });
    if (answer === 'forbidden') await page.screenshot({ path: `${shots}-today.png` });

    // The calendar day: every appointment, and a visit's card.
    const { day, office } = await openDeskCalendar(desk, page);
    await page.getByLabel('Go to date').fill(day);
    const expected = (await sandboxDay(desk, day, office)).length;
    const shown = page.locator('[data-appointment-id][tabindex]');
    await area(page, answer, 'Calendar', {
      content: () =>
        expect.poll(() => shown.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(expected),
      notices: [],
    });
    // Booking reads the reminder profiles: the field says why its list is empty.
    const booking = page.getByRole('dialog', { name: 'New appointment' });
    await area(page, answer, 'New appointment', {
      content: async () => {
        await page.getByRole('button', { name: 'New appointment' }).click();
        await booking.getByRole('combobox', { name: 'Patient' }).waitFor();
      },
      notices: ['Reminder profiles'],
      scope: booking,
    });
    await booking.getByRole('button', { name: 'Cancel' }).click();
    await booking.waitFor({ state: 'detached' });

    const dayVisits = (await sandboxDay(desk, day, office)).filter((a) => a.patient !== null);
    const visit = dayVisits[0]!;
    const card = page.getByRole('dialog', { name: /^Appointment: / });
    await area(page, answer, 'Appointment card', {
      content: async () => {
        const node = page.locator(`[data-appointment-id="${visit.id}"][tabindex]`);
        await node.scrollIntoViewIfNeeded();
        await node.hover();
        await card.waitFor();
        await card.getByRole('button', { name: 'Billing' }).waitFor();
      },
      notices: ['Eligibility'],
      scope: card,
    });
    await area(page, answer, 'Appointment billing', {
      content: async () => {
        await card.getByRole('button', { name: 'Billing' }).click();
        await page.getByRole('heading', { name: /^Billing — / }).waitFor();
      },
      notices: ['Line items', 'Insurance transactions', 'Patient payments'],
    });

    await nav(page, 'Day sheet');
    await area(page, answer, 'Day sheet', {
      content: () => page.locator('[data-appointment-id]').first().waitFor(),
      notices: ['Balances', 'Eligibility'],
    });

    await nav(page, 'Confirmations');
    await area(page, answer, 'Confirmations', {
      content: () =>
        page
          .getByRole('table', { name: 'Visits to confirm' })
          .or(page.getByText(/No calls left/))
          .first()
          .waitFor(),
      notices: [],
    });

    const patient = await serverGet<Json>(desk, `/api/patients/${String(visit.patient)}`);
    const record = await openPatient(page, patient);
    const tabs: [string, string[]][] = [
      ['Overview', ['Account balance']],
      ['Documents', ['Documents']],
      ['Appointments', []],
      ['Allergies', ['Allergies']],
      ['Medications', ['Medications']],
      ['Problems', ['Problems']],
      ['Payments', ['Patient payments']],
    ];
    const panel = page.getByRole('tabpanel');
    for (const [tab, notices] of tabs) {
      await area(page, answer, `Patient record: ${tab}`, {
        content: async () => {
          await page.getByRole('tab', { name: tab }).click();
          await record.getByRole('button', { name: 'Edit details' }).waitFor();
          await panel.waitFor();
          if (tab === 'Appointments') await panel.getByRole('row').nth(1).waitFor();
        },
        notices,
        // The account line sits above the tabs; each tab's notice inside its own panel.
        scope: tab === 'Overview' ? record : panel,
      });
      if (answer === 'forbidden' && (tab === 'Overview' || tab === 'Payments')) {
        await page.screenshot({
          path: `${shots}-patient${tab === 'Overview' ? '' : `-${tab.toLowerCase()}`}.png`,
        });
      }
    }

    await nav(page, 'Tasks');
    await area(page, answer, 'Tasks', {
      content: () => page.getByRole('button', { name: 'New task' }).waitFor(),
      notices: ['Tasks'],
    });

    await nav(page, 'History');
    await area(page, answer, 'History', {
      content: () => page.getByRole('heading', { name: 'History' }).waitFor(),
      notices: [],
    });

    expect(blanked.slice(before)).toEqual([]);
  });
});
