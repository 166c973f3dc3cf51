import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppointmentItem, Book, PatientBrief, Practice } from '../../shared/contract';
import { ok } from '../../shared/result';
import { wallToInstant } from '../../shared/time/practice-time';
import { createFakeApi, type FakeHandlers } from '../bridge/fake-api';
import { FrontdeskProvider } from '../bridge';
import { testAppointment, testPractice, testPrefs } from '../calendar/testing/calendar-fixtures';
import { NavigationContext, UiProviders, type NavTarget } from '../ui';
import { TodayScreen } from './TodayScreen';

const zone = 'America/New_York';
const day = '2026-11-23';

const practice: Practice = {
  ...testPractice,
  doctors: [
    ...testPractice.doctors,
    { id: 8, first_name: 'Jun', last_name: 'Park', timezone: zone },
  ],
};

const names: [number, string, string][] = [
  [1, 'Ana', 'Lopez'],
  [2, 'Ben', 'Okoye'],
  [3, 'Cleo', 'Ruiz'],
  [4, 'Dev', 'Shah'],
  [5, 'Eve', 'Tran'],
  [6, 'Finn', 'Udall'],
  [7, 'Gia', 'Vance'],
  [8, 'Hal', 'West'],
  [9, 'Ivy', 'Young'],
];
const patients: Record<string, PatientBrief> = Object.fromEntries(
  names.map(([id, first_name, last_name]) => [String(id), { id, first_name, last_name }]),
);

function visit(id: number, time: string, over: Partial<AppointmentItem> = {}): AppointmentItem {
  return testAppointment({
    id: String(100 + id),
    patient: id,
    scheduled_time: `${day}T${time}:00`,
    status: '',
    status_since: null,
    ...over,
  });
}

const book: AppointmentItem[] = [
  visit(1, '10:20', { status: 'Confirmed' }),
  visit(2, '09:55', { status: 'Not Confirmed', doctor: 8 }),
  visit(3, '09:30', { status: 'Arrived', status_since: `${day}T09:50:00` }),
  visit(4, '09:15', { status: 'Checked In', status_since: `${day}T09:35:00`, doctor: 8 }),
  visit(5, '09:45', { status: 'Arrived', status_since: `${day}T09:58:00` }),
  visit(6, '09:00', { status: 'In Session', status_since: `${day}T09:20:00` }),
  visit(7, '08:30', { status: 'Complete' }),
  visit(8, '08:45', { status: 'No Show', doctor: 8 }),
  visit(9, '09:40', { status: 'Cancelled' }),
  visit(10, '12:00', { status: 'Confirmed' }),
];

function setup(more: FakeHandlers = {}) {
  const current = new Map(book.map((a) => [a.id, a]));
  const fake = createFakeApi({
    'prefs:get': () => ok(testPrefs),
    'practice:get': () => ok(practice),
    'appointments:list': (): { ok: true; value: Book } =>
      ok({ appointments: [...current.values()], patients, fetchedAt: 1, source: 'cache' }),
    'appointments:update': (r) => {
      const next = { ...(current.get(r.id) as AppointmentItem), ...r.changes } as AppointmentItem;
      current.set(r.id, next);
      return ok({ appointment: next, state: 'saved' as const });
    },
    ...more,
  });
  const navigated: NavTarget[] = [];
  render(
    <FrontdeskProvider api={fake.api}>
      <UiProviders>
        <NavigationContext.Provider
          value={{
            current: { area: 'today' },
            navigate: (target) => {
              navigated.push(target);
              return Promise.resolve(true);
            },
          }}
        >
          <TodayScreen />
        </NavigationContext.Provider>
      </UiProviders>
    </FrontdeskProvider>,
  );
  return { fake, navigated };
}

const column = (name: RegExp) => screen.getByRole('region', { name });

function rowNames(region: HTMLElement): string[] {
  return [...region.querySelectorAll('.fdt-row__name')].map((n) => n.textContent);
}

beforeEach(() => {
  // Only the date: timers stay real for the UI library. 10:00 in New York, whatever this machine.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(wallToInstant(`${day}T10:00:00`, zone));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Today', () => {
  it('groups the day into columns with counts, waiting longest first with its minutes', async () => {
    setup();
    await screen.findByRole('heading', { level: 2, name: 'Waiting 3' });
    expect(rowNames(column(/^Next arriving/))).toEqual(['Ben Okoye', 'Ana Lopez']);
    expect(rowNames(column(/^Waiting/))).toEqual(['Dev Shah', 'Cleo Ruiz', 'Eve Tran']);
    expect(rowNames(column(/^In room/))).toEqual(['Finn Udall']);
    expect(rowNames(column(/^Done/))).toEqual(['Gia Vance']);
    expect(rowNames(column(/^No-shows/))).toEqual(['Hal West']);
    // Cancelled visits are not on the board; the 12:00 one is "later today".
    expect(screen.queryByText('Ivy Young')).toBeNull();
    expect(within(column(/^Next arriving/)).getByText('1 more later today.')).toBeTruthy();
    const waiting = column(/^Waiting/);
    expect([...waiting.querySelectorAll('.fdt-row__badge')].map((b) => b.textContent)).toEqual([
      'waiting 25 min',
      'waiting 10 min',
      'waiting 2 min',
    ]);
    expect(within(column(/^Next arriving/)).getByText('late 5 min')).toBeTruthy();
    // The doctor is on every row.
    expect(within(waiting).getAllByText(/^Dr\. (Okafor|Park)$/)).toHaveLength(3);
  });

  it('one click marks a patient Arrived: one update, and they move to Waiting, counted from now', async () => {
    const { fake } = setup();
    const next = await screen.findByRole('region', { name: /^Next arriving/ });
    await userEvent.click(within(next).getByRole('button', { name: 'Arrived: Ana Lopez' }));
    await waitFor(() => {
      expect(rowNames(column(/^Waiting/))).toContain('Ana Lopez');
    });
    const updates = fake.calls.filter((c) => c.channel === 'appointments:update');
    expect(updates.map((c) => c.request)).toEqual([
      { id: '101', changes: { status: 'Arrived' }, base: { status: 'Confirmed' } },
    ]);
    const row = column(/^Waiting/).querySelector('[data-appointment-row="101"]') as HTMLElement;
    expect(row.querySelector('.fdt-row__badge')?.textContent).toBe('waiting 0 min');
    expect(screen.getByRole('heading', { level: 2, name: 'Waiting 4' })).toBeTruthy();
    // The keyboard follows the patient to the new column.
    expect(document.activeElement?.textContent).toBe('Ana Lopez');
  });

  it('a digit key on a row sets that status, as on the calendar (7: Complete)', async () => {
    const { fake } = setup();
    const room = await screen.findByRole('region', { name: /^In room/ });
    within(room).getByRole('button', { name: 'Finn Udall' }).focus();
    await userEvent.keyboard('7');
    await waitFor(() => {
      expect(rowNames(column(/^Done/))).toEqual(['Finn Udall', 'Gia Vance']);
    });
    expect(fake.calls.find((c) => c.channel === 'appointments:update')?.request).toMatchObject({
      changes: { status: 'Complete' },
    });
  });

  it('the status menu offers every status', async () => {
    const { fake } = setup();
    const waiting = await screen.findByRole('region', { name: /^Waiting/ });
    await userEvent.click(
      within(waiting).getByRole('button', { name: 'Arrived: change the status of Eve Tran' }),
    );
    const menu = screen.getByRole('menu', { name: 'Status of Eve Tran' });
    await userEvent.click(within(menu).getByRole('menuitemradio', { name: /In Room/ }));
    await waitFor(() => {
      expect(rowNames(column(/^In room/))).toContain('Eve Tran');
    });
    expect(fake.calls.find((c) => c.channel === 'appointments:update')?.request).toMatchObject({
      id: '105',
      changes: { status: 'In Room' },
    });
  });

  it('shows one doctor at a time when asked', async () => {
    setup();
    await screen.findByRole('heading', { level: 2, name: 'Waiting 3' });
    await userEvent.selectOptions(screen.getByLabelText('Doctor'), 'Dr. Jun Park');
    expect(rowNames(column(/^Waiting/))).toEqual(['Dev Shah']);
    expect(rowNames(column(/^Next arriving/))).toEqual(['Ben Okoye']);
    expect(screen.getByRole('heading', { level: 2, name: 'In room 0' })).toBeTruthy();
    expect(screen.getByText('No one is in a room.')).toBeTruthy();
  });

  it('opens the visit on the calendar, or the patient’s record, in one click', async () => {
    const { navigated } = setup();
    const waiting = await screen.findByRole('region', { name: /^Waiting/ });
    await userEvent.click(within(waiting).getByRole('button', { name: 'Cleo Ruiz' }));
    await userEvent.click(within(waiting).getByRole('button', { name: 'Record: Cleo Ruiz' }));
    expect(navigated).toEqual([
      { area: 'calendar', date: day, appointmentId: '103' },
      { area: 'patients', patientId: 3 },
    ]);
  });

  it('writes times the desk’s way: 12-hour for a US practice, 24-hour when Settings says so', async () => {
    setup();
    const waiting = await screen.findByRole('region', { name: /^Waiting/ });
    const timeOf = (name: string) =>
      within(waiting).getByRole('button', { name }).closest('li')?.querySelector('.fdt-row__time')
        ?.textContent;
    expect(timeOf('Cleo Ruiz')).toBe('9:30 AM');
    expect(document.querySelector('.fdt-toolbar__clock')?.textContent).toBe('10:00 AM');
    cleanup();
    setup({
      'prefs:get': () => ok({ ...testPrefs, calendar: { ...testPrefs.calendar, clock: '24h' } }),
    });
    await screen.findByRole('heading', { level: 2, name: 'Waiting 3' });
    const again = column(/^Waiting/);
    expect(
      within(again)
        .getByRole('button', { name: 'Cleo Ruiz' })
        .closest('li')
        ?.querySelector('.fdt-row__time')?.textContent,
    ).toBe('09:30');
    expect(document.querySelector('.fdt-toolbar__clock')?.textContent).toBe('10:00');
  });

  it('asks main for today only, for the office shown (the calendar’s day cache)', async () => {
    const { fake } = setup();
    await screen.findByRole('heading', { level: 2, name: 'Waiting 3' });
    const lists = fake.calls.filter((c) => c.channel === 'appointments:list');
    expect(lists.map((c) => c.request)).toEqual([{ start: day, end: day, officeId: 1 }]);
  });
});
