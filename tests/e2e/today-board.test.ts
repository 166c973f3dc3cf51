import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortDay } from '../../renderer/paperwork/short-day';
import { formatClock } from '../../shared/schedule';
import { systemClock, type Clock } from '../../shared/time/clock';
import { browserTimezone, nav, signIn, startStack, type DeskOffice, type Stack } from './harness';
import { seedMorning, type SeededVisit } from './harness/today-day';

/**
 * Today, the first screen, end to end: Chromium in Tokyo, the browser host, the sandbox practice in
 * New York with a morning booked around "now" by another workstation.
 */

let stack: Stack;
let page: Page;
let office: DeskOffice;
let visits: SeededVisit[];
let offset = 0;
const clock: Clock = {
  now: () => Date.now() + offset,
  sleep: (ms, signal) => systemClock.sleep(ms, signal),
};

function column(name: RegExp): Locator {
  return page.getByRole('region', { name });
}

function row(list: Locator, visit: SeededVisit): Locator {
  return list.locator(`[data-appointment-row="${visit.id}"]`);
}

function visit(status: string, minutesAgo?: number): SeededVisit {
  const found = visits.find(
    (v) => v.status === status && (minutesAgo === undefined || v.setMinutesAgo === minutesAgo),
  );
  if (!found) throw new Error(`No seeded ${status} visit today (the day is too close to midnight)`);
  return found;
}

function ranCheck(v: SeededVisit, eligibility: string, payer: string): void {
  const [first, ...rest] = v.name.split(' ');
  stack.sandbox.sandbox.db.eligibilityChecks.create((id) => ({
    id,
    data: {
      patient: v.patient,
      appointment: Number(v.id),
      cob_level: 'Primary Insurance',
      payer_name: payer,
      eligibility,
      request_service_type: '30',
      service_type_description: 'Health Benefit Plan Coverage',
      query_date: `${v.scheduledTime.slice(0, 10)}T07:45:00`,
      patient_info: { first_name: first ?? '', last_name: rest.join(' ') },
      coverage_details: {},
    },
    createdMs: clock.now(),
    updatedMs: clock.now(),
  }));
}

function apiRequests(fromSeq: number) {
  return stack.sandbox.control
    .requests()
    .filter((r) => r.seq > fromSeq && r.path.startsWith('/api/'));
}

function lastSeq(): number {
  return stack.sandbox.control.requests().at(-1)?.seq ?? 0;
}

beforeAll(async () => {
  stack = await startStack({
    sandbox: { clock, weekendClinic: true },
    timezoneId: browserTimezone,
  });
  page = stack.page;
  ({ office, visits } = await seedMorning(stack, (ms) => {
    offset = ms;
  }));
  // Checks run from drchrono's own appointment pop-up (the API has no write for them): the
  // longest-waiting patient came back active, the one checked in inactive.
  ranCheck(visit('Arrived', 22), '1 - Active Coverage', 'Aetna');
  ranCheck(visit('Checked In'), '6 - Inactive', 'Cigna');
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page);
});

afterAll(async () => {
  await stack.close();
});

describe('Today: the desk’s first screen', () => {
  it('opens on Today after sign-in, with the office and the five columns counted', async () => {
    await page.getByRole('heading', { level: 1, name: /^Today/ }).waitFor();
    const current = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Today' });
    expect(await current.getAttribute('aria-current')).toBe('page');
    const officeName = await page.getByLabel('Office').locator('option:checked').textContent();
    expect(officeName).toBe(office.name);
    for (const title of ['Next arriving', 'Waiting', 'In room', 'Done', 'No-shows']) {
      const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^${title} \\d+$`) });
      await heading.waitFor();
    }
    const waiting = column(/^Waiting/);
    await row(waiting, visit('Arrived', 22)).waitFor();
    const count = await waiting.locator('.fdt-col__count').textContent();
    expect(Number(count)).toBe(await waiting.locator('[data-appointment-row]').count());
  });

  it('shows eligibility (verdict, payer, when checked) on the rows with a check, from one call for the day', async () => {
    const waiting = column(/^Waiting/);
    const active = row(waiting, visit('Arrived', 22)).locator('[data-eligibility]');
    await active.waitFor();
    const day = visit('Arrived', 22).scheduledTime.slice(0, 10);
    // The desk's short date words ("Dec 6"), as on the card and in the reminders.
    expect(await active.textContent()).toBe(`Eligible · Aetna · checked ${shortDay(day)}`);
    expect(
      await row(waiting, visit('Checked In')).locator('[data-eligibility]').textContent(),
    ).toBe(`Not eligible · Cigna · checked ${shortDay(day)}`);
    // The visit that arrived 3 minutes ago has no check: no line.
    expect(await row(waiting, visit('Arrived', 3)).locator('[data-eligibility]').count()).toBe(0);
    const asked = apiRequests(0).filter((r) => r.path === '/api/eligibility_checks');
    expect(asked.map((r) => r.query)).toEqual([{ appointment_date: day }]);
  });

  it('waiting: minutes from the time drchrono says the status was set (as any desk sees it), longest first', async () => {
    const waiting = column(/^Waiting/);
    const ours = visits.filter((v) => v.status === 'Arrived' || v.status === 'Checked In');
    const order = await waiting
      .locator('[data-appointment-row]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-appointment-row')));
    const positions = ours
      .sort((a, b) => b.setMinutesAgo - a.setMinutesAgo)
      .map((v) => order.indexOf(v.id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const longest = row(waiting, visit('Arrived', 22));
    expect(await longest.locator('.fdt-row__badge').textContent()).toMatch(/^waiting 2[23] min$/);
    // The doctor is on the row.
    expect(await longest.locator('.fdt-row__doctor').textContent()).toMatch(/^Dr\. /);
  });

  it('one click marks a patient Arrived: they move to Waiting with their minutes, one call to drchrono', async () => {
    const target = visits.find((v) => v.at > 0 && v.at <= 25) ?? visit('Confirmed');
    const next = column(/^Next arriving/);
    await row(next, target).waitFor();
    const before = lastSeq();
    await row(next, target)
      .getByRole('button', { name: `Arrived: ${target.name}` })
      .click();
    const waiting = column(/^Waiting/);
    const moved = row(waiting, target);
    await moved.waitFor();
    expect(await moved.locator('.fdt-row__badge').textContent()).toMatch(/^waiting \d+ min$/);
    expect(await moved.getByRole('button', { name: /change the status/ }).textContent()).toContain(
      'Arrived',
    );
    await expect.poll(() => apiRequests(before).filter((r) => r.method === 'PATCH').length).toBe(1);
    const patch = apiRequests(before).find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe(`/api/appointments/${target.id}`);
    expect(patch?.body).toEqual({ status: 'Arrived' });
    // The keyboard stays on the patient in their new column: 4 checks them in.
    await page.keyboard.press('4');
    await expect
      .poll(() => moved.getByRole('button', { name: /change the status/ }).textContent())
      .toContain('Checked In');
    const server = await stack.sandbox.control.asOtherWorkstation(
      'GET',
      `/api/appointments/${target.id}`,
    );
    await expect
      .poll(async () => {
        const now = await stack.sandbox.control.asOtherWorkstation(
          'GET',
          `/api/appointments/${target.id}`,
        );
        return (now.body as { status: string }).status;
      })
      .toBe('Checked In');
    expect(server.status).toBe(200);
  });

  it('a copay taken at check-in shows on the visit’s Today row: “Collected $25.00 · Cash”', async () => {
    const seen = visit('Checked In');
    const waiting = column(/^Waiting/);
    expect(await row(waiting, seen).locator('.fd-collected').count()).toBe(0);
    // At the desk: the patient's record, this visit's Billing, Take payment (no line items yet,
    // so the copay goes on the account, marked for this visit). Not through the calendar: its grid
    // shows the office's hours, and this visit may be after closing when the test runs.
    await row(waiting, seen)
      .getByRole('button', { name: `Record: ${seen.name}` })
      .click();
    await page.getByRole('tab', { name: 'Appointments' }).click();
    // "Sun, Dec 6, 2026, 6:57 PM" (Intl may put a narrow space before PM).
    const when = new RegExp(
      `${shortDay(seen.scheduledTime)}, \\d{4}, ${formatClock(seen.scheduledTime, true).replace(' ', '\\s')}`,
    );
    await page
      .getByRole('row')
      .filter({ hasText: when })
      .first()
      .getByRole('button', { name: 'Billing' })
      .click();
    await page.getByRole('heading', { name: /^Billing — / }).waitFor();
    await page.getByText('No line items on this appointment yet.').waitFor();
    await page.getByRole('button', { name: 'Take payment' }).click();
    const dialog = page.getByRole('dialog', { name: /Take a payment/ });
    await dialog.getByText(/marked for this visit/).waitFor();
    await dialog.getByLabel(/Amount/).fill('25.00');
    await dialog.getByLabel('Method').selectOption('CASH');
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByLabel('Collected $25.00').waitFor();

    const before = lastSeq();
    await nav(page, 'Today');
    const line = row(column(/^Waiting/), seen).locator('.fd-collected');
    await line.waitFor();
    expect(await line.textContent()).toBe('Collected $25.00 · Cash');
    // Only that visit: no other row has a collected line.
    expect(await page.locator('.fdt-board .fd-collected').count()).toBe(1);
    // One call for the day's collections, whatever the number of rows.
    const asked = apiRequests(before).filter((r) => r.path === '/api/patient_payments');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.query).toEqual({ since: `${seen.scheduledTime.slice(0, 10)}T00:00:00` });
    await page.screenshot({ path: '/tmp/frontdesk-today-collected.png' });
  });

  it('costs one API call to open once the day is loaded: the day’s collections (eligibility is kept in main)', async () => {
    await nav(page, 'Calendar');
    await page.locator('[data-appointment-id][tabindex]').first().waitFor();
    // Main keeps the day's eligibility checks (status changes and payments do not touch them), so
    // opening Today again costs only the day's collections, which are read each time it opens.
    const before = lastSeq();
    await nav(page, 'Today');
    await column(/^Waiting/)
      .locator('[data-appointment-row]')
      .first()
      .waitFor();
    await page.waitForTimeout(1000);
    const spent = apiRequests(before);
    // The background sync's `since` polls of the book run on their own clock, whatever is on
    // screen; today's collections are asked with a `since` too (payments since midnight), but by
    // Today itself, each time it opens.
    const isCollected = (r: (typeof spent)[number]) => r.path === '/api/patient_payments';
    const polls = spent.filter((r) => 'since' in r.query && !isCollected(r));
    const opening = spent.filter((r) => !('since' in r.query) || isCollected(r));
    const eligibility = opening.filter((r) => r.path === '/api/eligibility_checks');
    const collected = opening.filter(isCollected);
    console.log(
      `[figure] API calls to open Today (day already loaded): ${opening.length} (eligibility: ${eligibility.length}, kept in main; collected today (patient payments since midnight): ${collected.length}; background polls in the same second: ${polls.length})`,
    );
    const day = visit('Arrived', 22).scheduledTime.slice(0, 10);
    expect(eligibility).toEqual([]);
    expect(collected.map((r) => r.query)).toEqual([{ since: `${day}T00:00:00` }]);
    expect(
      opening
        .filter((r) => r.path !== '/api/eligibility_checks' && !isCollected(r))
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([]);
  });

  it('opens the visit on the calendar in one click, and a reload comes back to the calendar', async () => {
    const inRoom = column(/^In room/);
    const seen = visit('In Room');
    await row(inRoom, seen).getByRole('button', { name: seen.name, exact: true }).click();
    const node = page.locator(`[data-appointment-id="${seen.id}"][tabindex]`);
    await node.waitFor();
    await expect.poll(() => node.evaluate((n) => n === document.activeElement)).toBe(true);
    const calendar = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Calendar' });
    expect(await calendar.getAttribute('aria-current')).toBe('page');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('region', { name: 'Calendar' }).waitFor();
    expect(await calendar.getAttribute('aria-current')).toBe('page');
    const kept = await page.evaluate(() => sessionStorage.getItem('frontdesk.area'));
    expect(kept).toBe('{"area":"calendar"}');
  });

  it('opens the patient’s record in one click', async () => {
    await nav(page, 'Today');
    const waiting = column(/^Waiting/);
    const patient = visit('Arrived', 22);
    await row(waiting, patient)
      .getByRole('button', { name: `Record: ${patient.name}` })
      .click();
    await page.getByRole('article').getByRole('button', { name: 'Edit details' }).waitFor();
    expect(await page.getByRole('article').textContent()).toContain(patient.name.split(' ')[1]);
    await nav(page, 'Today');
  });

  it('keeps the doctor chosen and the grouping across a reload (ids only in the session)', async () => {
    const doctor = page.getByRole('combobox', { name: /^Doctor/ });
    const seen = visit('Arrived', 22);
    await doctor.selectOption(String(seen.doctor));
    await page.getByRole('checkbox', { name: 'Group by doctor' }).check();
    await page.reload();
    await column(/^Waiting/)
      .locator('[data-appointment-row]')
      .first()
      .waitFor();
    expect(await page.getByRole('combobox', { name: /^Doctor/ }).inputValue()).toBe(
      String(seen.doctor),
    );
    expect(await page.getByRole('checkbox', { name: 'Group by doctor' }).isChecked()).toBe(true);
    const kept = await page.evaluate(() => sessionStorage.getItem('frontdesk.today'));
    expect(JSON.parse(kept ?? '')).toEqual({
      officeId: null,
      doctorId: seen.doctor,
      byDoctor: true,
    });
    // Only that doctor's visits, under their heading.
    const groups = column(/^Waiting/).getByRole('heading', { level: 3 });
    expect(await groups.count()).toBe(1);
    await page.getByRole('combobox', { name: /^Doctor/ }).selectOption('');
  });

  it('axe-core finds no serious or critical violations on Today', async () => {
    await column(/^Waiting/)
      .locator('[data-appointment-row]')
      .first()
      .waitFor();
    const require = createRequire(import.meta.url);
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
            ) => Promise<{ violations: { id: string; impact: string | null }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    console.log(
      `[figure] axe on Today: ${serious.length} serious/critical, ${violations.length} in all${
        violations.length
          ? ` (${violations.map((v) => `${v.id}: ${v.impact ?? '?'}`).join(', ')})`
          : ''
      }`,
    );
    expect(serious).toEqual([]);
  });

  it('reads at a glance at 1280×720 and 1440×900 (screenshots)', async () => {
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      const grouped = `/tmp/frontdesk-today-bydoctor-${width}x${height}.png`;
      await page.screenshot({ path: grouped });
      await page.getByRole('checkbox', { name: 'Group by doctor' }).uncheck();
      const path = `/tmp/frontdesk-today-${width}x${height}.png`;
      await page.screenshot({ path });
      await page.getByRole('checkbox', { name: 'Group by doctor' }).check();
      // Every column's title and count is on screen, none cut off.
      const clipped = await page.evaluate(
        () =>
          [...document.querySelectorAll('.fdt-col__title')].filter((h) => {
            const r = h.getBoundingClientRect();
            return r.right > innerWidth || r.bottom > innerHeight || r.width < 100;
          }).length,
      );
      console.log(
        `[figure] Today at ${width}×${height}: column titles cut off ${clipped}; ${path} (grouped by doctor: ${grouped})`,
      );
      expect(clipped).toBe(0);
    }
  });
});
