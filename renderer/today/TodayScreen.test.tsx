import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  AppointmentItem,
  Book,
  CollectedSummary,
  EligibilityDay,
  PatientBrief,
  Practice,
} from '../../shared/contract';
import { err, ok } from '../../shared/result';
import { wallToInstant } from '../../shared/time/practice-time';
import { createFakeApi, type FakeHandlers } from '../bridge/fake-api';
import { FrontdeskProvider } from '../bridge';
import { testAppointment, testPractice, testPrefs } from '../calendar/testing/calendar-fixtures';
import { NavigationContext, UiProviders, type NavTarget } from '../ui';
import { forgetArea } from '../app/area-memory';
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

function check(appointment: number, eligibility: string, payer: string, ran: string) {
  return {
    id: appointment * 10,
    patient: appointment - 100,
    appointment,
    cob_level: 'Primary Insurance',
    payer_name: payer,
    eligibility,
    request_service_type: '30',
    service_type_description: 'Health Benefit Plan Coverage',
    query_date: ran,
  };
}

/** Checks run for two of the waiting visits (Cleo: active, Dev: inactive); none for the rest. */
const eligibilityDay: EligibilityDay = {
  date: day,
  byAppointment: {
    '103': [check(103, '1 - Active Coverage', 'Aetna', '2026-11-20T10:12:00')],
    '104': [check(104, '6 - Inactive', 'Cigna', '2026-11-21T09:00:00')],
  },
  byPatient: {},
  fetchedAt: 1,
};

/** Copays taken today: Cleo's at check-in (still on the account), Gia's after her visit. */
const collectedToday: Record<string, CollectedSummary> = {
  '103': { amount: '25.00', methods: ['CASH'], onAccount: '25.00' },
  '107': { amount: '40.00', methods: ['CRDT', 'CASH'], onAccount: '0.00' },
  // A copay taken then refunded: nothing collected, no line.
  '105': { amount: '0.00', methods: ['CASH'], onAccount: '0.00' },
};

function setup(more: FakeHandlers = {}) {
  const current = new Map(book.map((a) => [a.id, a]));
  const fake = createFakeApi({
    'prefs:get': () => ok(testPrefs),
    'practice:get': () => ok(practice),
    'eligibility:day': () => ok(eligibilityDay),
    'billing:collectedToday': () => ok({ byAppointment: collectedToday }),
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
  sessionStorage.clear();
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

  it('shows each visit’s eligibility (verdict, payer, when checked) from one call for the day', async () => {
    const { fake } = setup();
    const waiting = await screen.findByRole('region', { name: /^Waiting/ });
    const rowOf = (name: string) =>
      within(waiting).getByRole('button', { name }).closest('li') as HTMLElement;
    await waitFor(() => {
      expect(rowOf('Cleo Ruiz').querySelector('[data-eligibility]')?.textContent).toBe(
        'Eligible · Aetna · checked Nov 20',
      );
    });
    expect(rowOf('Dev Shah').querySelector('[data-eligibility]')?.textContent).toBe(
      'Not eligible · Cigna · checked Nov 21',
    );
    // A visit with no check run and nothing collected gets no line (the row stays as it was).
    expect(rowOf('Eve Tran').querySelector('.fdt-row__extra')).toBeNull();
    expect(screen.queryByText(/Eligibility is not available/)).toBeNull();
    // Opening Today: one read of today's book (the calendar's cache), one of the day's checks and
    // one of the day's collections.
    const reads = fake.calls.filter(
      (c) =>
        c.channel === 'eligibility:day' ||
        c.channel === 'appointments:list' ||
        c.channel === 'billing:collectedToday',
    );
    expect(reads).toEqual([
      { channel: 'appointments:list', request: { start: day, end: day, officeId: 1 } },
      { channel: 'eligibility:day', request: { date: day } },
      { channel: 'billing:collectedToday', request: {} },
    ]);
    console.log(
      `[figure] main reads to open Today (jsdom): ${reads.length} (eligibility: ${
        reads.filter((c) => c.channel === 'eligibility:day').length
      }, collected today: ${reads.filter((c) => c.channel === 'billing:collectedToday').length})`,
    );
  });

  it('shows what was collected on each visit that has it (“Collected $25.00 · Cash”), from one call', async () => {
    const { fake } = setup();
    const waiting = await screen.findByRole('region', { name: /^Waiting/ });
    const rowIn = (region: HTMLElement, name: string) =>
      within(region).getByRole('button', { name }).closest('li') as HTMLElement;
    await waitFor(() => {
      expect(rowIn(waiting, 'Cleo Ruiz').querySelector('.fd-collected')?.textContent).toBe(
        'Collected $25.00 · Cash',
      );
    });
    // Under the eligibility line, one line each; the board's short form has no account note.
    const extra = rowIn(waiting, 'Cleo Ruiz').querySelector('.fdt-row__extra') as HTMLElement;
    expect([...extra.children].map((c) => c.textContent)).toEqual([
      'Eligible · Aetna · checked Nov 20',
      'Collected $25.00 · Cash',
    ]);
    expect(rowIn(column(/^Done/), 'Gia Vance').querySelector('.fd-collected')?.textContent).toBe(
      'Collected $40.00 · Credit card, Cash',
    );
    // Nothing collected (a copay refunded to $0.00), or no payment at all: no line.
    expect(rowIn(waiting, 'Eve Tran').querySelector('.fdt-row__extra')).toBeNull();
    expect(rowIn(waiting, 'Dev Shah').querySelector('.fd-collected')).toBeNull();
    expect(document.querySelectorAll('.fd-collected')).toHaveLength(2);
    // One call for the whole day, however many rows; moving a visit on does not ask again.
    await userEvent.click(
      within(column(/^Next arriving/)).getByRole('button', { name: 'Arrived: Ana Lopez' }),
    );
    await waitFor(() => {
      expect(rowNames(column(/^Waiting/))).toContain('Ana Lopez');
    });
    expect(fake.calls.filter((c) => c.channel === 'billing:collectedToday')).toHaveLength(1);
    // A payment taken elsewhere in the app (main says billing changed): read once more.
    fake.handle({
      'billing:collectedToday': () =>
        ok({
          byAppointment: {
            ...collectedToday,
            '104': { amount: '10.00', methods: ['CHCK'], onAccount: '10.00' },
          },
        }),
    });
    fake.emit('data:changed', { kinds: ['billing'] });
    await waitFor(() => {
      expect(
        rowIn(column(/^Waiting/), 'Dev Shah').querySelector('.fd-collected')?.textContent,
      ).toBe('Collected $10.00 · Check');
    });
    expect(fake.calls.filter((c) => c.channel === 'billing:collectedToday')).toHaveLength(2);
  });

  it('payments refused (403, a desk without billing permissions): Today works and says why, once', async () => {
    const { fake } = setup({
      'billing:collectedToday': () =>
        err(
          'forbidden',
          'drchrono did not allow this: the signed-in account may not use patient payments. Ask your practice admin to grant Access Billing, Show Billing Tab and Access Patients Payments to this drchrono account.',
        ),
    });
    const note = await screen.findByText(/^Payments collected today are not available/);
    expect(note.textContent).toBe(
      'Payments collected today are not available: drchrono did not allow this: the signed-in account may not use patient payments. Ask your practice admin to grant Access Billing, Show Billing Tab and Access Patients Payments to this drchrono account.',
    );
    expect(screen.getAllByText(/not available/)).toHaveLength(1);
    expect(document.querySelector('.fd-collected')).toBeNull();
    // Eligibility still shows, and the board still moves visits on.
    const waiting = column(/^Waiting/);
    await waitFor(() => {
      expect(waiting.querySelectorAll('[data-eligibility]')).toHaveLength(2);
    });
    expect(rowNames(waiting)).toEqual(['Dev Shah', 'Cleo Ruiz', 'Eve Tran']);
    await userEvent.click(
      within(column(/^Next arriving/)).getByRole('button', { name: 'Arrived: Ana Lopez' }),
    );
    await waitFor(() => {
      expect(rowNames(column(/^Waiting/))).toContain('Ana Lopez');
    });
    expect(fake.calls.filter((c) => c.channel === 'billing:collectedToday')).toHaveLength(1);
  });

  it('collections failing (drchrono unreachable) is said once, quietly, with what failed', async () => {
    setup({
      'billing:collectedToday': () =>
        err('offline', 'drchrono could not be reached. Check the internet connection.'),
    });
    const note = await screen.findByText(/^Payments collected today are not available/);
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toBe(
      'Payments collected today are not available: drchrono could not be reached. Check the internet connection.',
    );
    expect(rowNames(column(/^Waiting/))).toEqual(['Dev Shah', 'Cleo Ruiz', 'Eve Tran']);
  });

  it('eligibility refused (403): Today still works and says once, quietly, why it is missing', async () => {
    const { fake } = setup({
      'eligibility:day': () =>
        err(
          'forbidden',
          'drchrono did not allow this: the signed-in account may not use patient records. Ask your practice admin to grant Manage Patients to this drchrono account.',
        ),
    });
    const note = await screen.findByText(/^Eligibility is not available/);
    expect(note.textContent).toBe(
      'Eligibility is not available: drchrono did not allow this: the signed-in account may not use patient records. Ask your practice admin to grant Manage Patients to this drchrono account.',
    );
    expect(screen.getAllByText(/Eligibility is not available/)).toHaveLength(1);
    expect(document.querySelector('[data-eligibility]')).toBeNull();
    // The board itself is whole and still moves visits on.
    expect(rowNames(column(/^Waiting/))).toEqual(['Dev Shah', 'Cleo Ruiz', 'Eve Tran']);
    await userEvent.click(
      within(column(/^Next arriving/)).getByRole('button', { name: 'Arrived: Ana Lopez' }),
    );
    await waitFor(() => {
      expect(rowNames(column(/^Waiting/))).toContain('Ana Lopez');
    });
    expect(fake.calls.filter((c) => c.channel === 'eligibility:day')).toHaveLength(1);
  });

  it('groups each column by doctor when asked, from the keyboard, and keeps it for the session', async () => {
    setup();
    await screen.findByRole('heading', { level: 2, name: 'Waiting 3' });
    const toggle = screen.getByRole('checkbox', { name: 'Group by doctor' });
    toggle.focus();
    await userEvent.keyboard(' ');
    expect(toggle).toHaveProperty('checked', true);
    const waiting = column(/^Waiting/);
    // Dr. Okafor first (the practice's order), each doctor's visits in the column's order.
    const okafor = within(waiting).getByRole('list', { name: /^Dr\. Okafor 2$/ });
    const park = within(waiting).getByRole('list', { name: /^Dr\. Park 1$/ });
    expect(
      within(waiting)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['AODr. Okafor 2', 'JPDr. Park 1']);
    expect(rowNames(okafor)).toEqual(['Cleo Ruiz', 'Eve Tran']);
    expect(rowNames(park)).toEqual(['Dev Shah']);
    // The column keeps its count and order; rows still answer their keys.
    expect(rowNames(waiting)).toEqual(['Cleo Ruiz', 'Eve Tran', 'Dev Shah']);
    expect(within(column(/^No-shows/)).getByRole('list', { name: /^Dr\. Park 1$/ })).toBeTruthy();
    // Kept for the session beside the area: a switch and ids, no name.
    const kept = sessionStorage.getItem('frontdesk.today') ?? '';
    expect(JSON.parse(kept)).toEqual({ officeId: null, doctorId: null, byDoctor: true });
    expect(kept).not.toMatch(/Okafor|Park|Ruiz/);
    cleanup();
    setup();
    await screen.findByRole('heading', { level: 2, name: 'Waiting 3' });
    expect(screen.getByRole('checkbox', { name: 'Group by doctor' })).toHaveProperty(
      'checked',
      true,
    );
    expect(within(column(/^Waiting/)).getAllByRole('heading', { level: 3 })).toHaveLength(2);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Group by doctor' }));
    expect(within(column(/^Waiting/)).queryAllByRole('heading', { level: 3 })).toHaveLength(0);
  });

  it('remembers the office and the doctor chosen across a reload (ids only); sign-out forgets them', async () => {
    const twoOffices: Practice = {
      ...practice,
      offices: [
        ...practice.offices,
        { ...(practice.offices[0] as Practice['offices'][number]), id: 2, name: 'Uptown' },
      ],
    };
    const { fake } = setup({ 'practice:get': () => ok(twoOffices) });
    await screen.findByRole('heading', { level: 2, name: 'Waiting 3' });
    await userEvent.selectOptions(screen.getByLabelText('Doctor'), 'Dr. Jun Park');
    await userEvent.selectOptions(screen.getByLabelText('Office'), 'Uptown');
    await waitFor(() => {
      expect(fake.calls.filter((c) => c.channel === 'appointments:list').at(-1)?.request).toEqual({
        start: day,
        end: day,
        officeId: 2,
      });
    });
    expect(JSON.parse(sessionStorage.getItem('frontdesk.today') ?? '')).toEqual({
      officeId: 2,
      doctorId: 8,
      byDoctor: false,
    });
    // A reload: the screen starts again from what the session kept.
    cleanup();
    const again = setup({ 'practice:get': () => ok(twoOffices) });
    await screen.findByRole('heading', { level: 2, name: /^Waiting/ });
    expect(screen.getByLabelText<HTMLSelectElement>('Office').value).toBe('2');
    expect(screen.getByLabelText<HTMLSelectElement>('Doctor').value).toBe('8');
    expect(again.fake.calls.find((c) => c.channel === 'appointments:list')?.request).toEqual({
      start: day,
      end: day,
      officeId: 2,
    });
    expect(rowNames(column(/^Waiting/))).toEqual(['Dev Shah']);
    // Signing out forgets the Today view with the area.
    forgetArea();
    expect(sessionStorage.getItem('frontdesk.today')).toBeNull();
  });

  it('a remembered doctor who left the practice, or an unreadable memory, shows every doctor', async () => {
    sessionStorage.setItem('frontdesk.today', JSON.stringify({ officeId: 99, doctorId: 404 }));
    setup();
    await screen.findByRole('heading', { level: 2, name: 'Waiting 3' });
    expect(screen.getByLabelText<HTMLSelectElement>('Doctor').value).toBe('');
    cleanup();
    sessionStorage.setItem('frontdesk.today', '{not json');
    setup();
    await screen.findByRole('heading', { level: 2, name: 'Waiting 3' });
    expect(screen.getByRole('checkbox', { name: 'Group by doctor' })).toHaveProperty(
      'checked',
      false,
    );
  });

  it('asks main for today only, for the office shown (the calendar’s day cache)', async () => {
    const { fake } = setup();
    await screen.findByRole('heading', { level: 2, name: 'Waiting 3' });
    const lists = fake.calls.filter((c) => c.channel === 'appointments:list');
    expect(lists.map((c) => c.request)).toEqual([{ start: day, end: day, officeId: 1 }]);
  });
});
