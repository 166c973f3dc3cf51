import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragAppointment } from '../bench/calendar-drag';
import {
  browserTimezone,
  freeSlot,
  openDeskCalendar,
  sandboxDay as readDay,
  signIn,
  startStack,
  type DeskAppointment as Appointment,
  type DeskOffice as Office,
  type Stack,
} from './harness';

/**
 * Issue 5 end to end: the desk loads its day, drchrono becomes unreachable, the page is reloaded
 * and the day is still there with "Offline, last synced …"; a move and a status change made
 * offline wait as pending, and reach drchrono exactly once each when it is back.
 */

let stack: Stack;
let page: Page;
let day: string;
let office: Office;
let moved: Appointment;
let checkedIn: Appointment;
let to: { room: number; start: string };

const sandboxDay = () => readDay(stack, day, office);

/** PATCHes that drchrono actually processed (not refused at the door by the offline switch). */
function patchesReceived(id: string) {
  return stack.sandbox.control
    .requests()
    .filter(
      (r) => r.method === 'PATCH' && r.path === `/api/appointments/${id}` && r.fault === null,
    );
}

function statusBar() {
  return page.getByRole('contentinfo', { name: 'Status' });
}

function node(id: string) {
  return page.locator(`[data-appointment-id="${id}"][tabindex]`);
}

async function openCalendarDay(): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Calendar' })
    .click();
  await page.getByLabel('Slots').selectOption('30');
  await page.getByLabel('Go to date').fill(day);
  await page.locator('[data-appointment-id][tabindex]').first().waitFor();
}

async function shownIds(): Promise<string[]> {
  const ids = await page
    .locator('[data-appointment-id][tabindex]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-appointment-id') ?? ''));
  return [...new Set(ids)].sort();
}

beforeAll(async () => {
  stack = await startStack({ timezoneId: browserTimezone });
  page = stack.page;
  await page.setViewportSize({ width: 1600, height: 1300 });
  await signIn(page);
  ({ day, office } = await openDeskCalendar(stack, page));
  await openCalendarDay();
  await page.getByText(/Last synced \d/).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await stack.close();
});

describe('offline day', () => {
  it(
    'reloaded with drchrono unreachable, shows the day with "Offline, last synced …"',
    { timeout: 180_000 },
    async () => {
      const before = await shownIds();
      expect(before.length).toBeGreaterThan(5);
      stack.sandbox.control.setOffline(true);
      await page.reload();
      await openCalendarDay();
      await expect
        .poll(() => statusBar().textContent(), { timeout: 120_000, interval: 1000 })
        .toMatch(/Offline, last synced \d{1,2}:\d{2}/);
      expect(await shownIds()).toEqual(before);
      await page.screenshot({ path: '/tmp/frontdesk-offline-day.png' });
      await statusBar().screenshot({ path: '/tmp/frontdesk-offline-statusbar.png' });
      console.log(
        `[figure] offline: reloaded day shows ${String(before.length)} appointments; status "${(await statusBar().innerText()).replace(/\s*\n\s*/g, ' · ')}"`,
      );
    },
  );

  it('a move and a status change made offline wait as pending', { timeout: 120_000 }, async () => {
    const appointments = await sandboxDay();
    moved = appointments.find(
      (a) =>
        a.patient !== null &&
        a.duration <= 30 &&
        a.scheduled_time.slice(11, 16) < '12:00' &&
        /:(00|30):/.test(a.scheduled_time.slice(13)),
    )!;
    checkedIn = appointments.find(
      (a) =>
        a.patient !== null &&
        a.id !== moved.id &&
        !['Arrived', 'Checked In', 'In Room', 'Complete'].includes(a.status ?? ''),
    )!;
    to = freeSlot({ day, office, appointments }, moved.duration, moved.exam_room, '14:00');
    stack.sandbox.control.clearRequests();

    await dragAppointment(page, { id: moved.id, examRoom: to.room, time: to.start });
    await expect
      .poll(async () => (await node(moved.id).getAttribute('aria-label')) ?? '')
      .toMatch(/not sent yet/);
    await node(checkedIn.id).focus();
    await page.keyboard.press('3'); // Arrived
    await expect
      .poll(async () => (await node(checkedIn.id).getAttribute('aria-label')) ?? '')
      .toMatch(/Arrived.*not sent yet/);
    await expect.poll(() => statusBar().textContent()).toMatch(/2 pending/);
    expect(patchesReceived(moved.id)).toHaveLength(0);
    expect(patchesReceived(checkedIn.id)).toHaveLength(0);
    await page.screenshot({ path: '/tmp/frontdesk-offline-pending.png' });
  });

  it(
    'when drchrono is back, both reach it exactly once, without anyone doing anything',
    { timeout: 180_000 },
    async () => {
      const offlineFor = Date.now();
      stack.sandbox.control.setOffline(false);
      await expect
        .poll(() => statusBar().textContent(), { timeout: 150_000, interval: 1000 })
        .toMatch(/Online.*All changes sent/);
      const backAfter = (Date.now() - offlineFor) / 1000;
      const movePatches = patchesReceived(moved.id);
      const statusPatches = patchesReceived(checkedIn.id);
      expect(movePatches).toHaveLength(1);
      expect(movePatches[0]?.body).toEqual({
        scheduled_time: `${day}T${to.start}:00`,
        exam_room: to.room,
      });
      expect(statusPatches).toHaveLength(1);
      expect(statusPatches[0]?.body).toEqual({ status: 'Arrived' });
      const after = await sandboxDay();
      expect(after.find((a) => a.id === moved.id)).toMatchObject({
        scheduled_time: `${day}T${to.start}:00`,
        exam_room: to.room,
      });
      expect(after.find((a) => a.id === checkedIn.id)?.status).toBe('Arrived');
      await expect
        .poll(async () => (await node(moved.id).getAttribute('aria-label')) ?? '')
        .not.toMatch(/not sent yet/);
      await page.screenshot({ path: '/tmp/frontdesk-offline-back.png' });
      console.log(
        `[figure] offline: back online and both edits delivered ${backAfter.toFixed(0)} s after drchrono returned; PATCHes received: move ${String(movePatches.length)}, status ${String(statusPatches.length)}`,
      );
    },
  );
});
