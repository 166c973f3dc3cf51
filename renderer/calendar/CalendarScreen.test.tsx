import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FrontdeskProvider } from '../bridge';
import { NavigationContext, UiProviders, type Navigation } from '../ui';
import { CalendarScreen } from './CalendarScreen';
import { ok } from '../../shared/result';
import { calendarFake, testAppointment, testPrefs } from './testing/calendar-fixtures';

const navigation: Navigation = {
  current: { area: 'calendar' },
  navigate: () => Promise.resolve(true),
};

function mount(fake: ReturnType<typeof calendarFake>['fake'], nav: Navigation = navigation) {
  return render(
    <FrontdeskProvider api={fake.api}>
      <UiProviders>
        <NavigationContext.Provider value={nav}>
          <CalendarScreen />
        </NavigationContext.Provider>
      </UiProviders>
    </FrontdeskProvider>,
  );
}

/**
 * jsdom has no layout, so FullCalendar keeps its events unpositioned and `visibility: hidden`,
 * and accessible names of hidden nodes are empty: the appointment is found by its attributes
 * here (the e2e suite checks real accessible names with axe in Chromium).
 */
async function findAppointment(labelStart: string): Promise<HTMLElement> {
  let found: HTMLElement | null = null;
  await waitFor(
    () => {
      found = document.querySelector<HTMLElement>(
        `[role="button"][tabindex="0"][aria-label^="${labelStart}"]`,
      );
      expect(found).not.toBeNull();
    },
    { timeout: 10_000 },
  );
  return found as unknown as HTMLElement;
}

const updates = (fake: ReturnType<typeof calendarFake>['fake']) =>
  fake.calls.filter((c) => c.channel === 'appointments:update');

describe('CalendarScreen', () => {
  it('names every appointment for assistive technology', async () => {
    const { fake } = calendarFake([
      testAppointment(),
      testAppointment({
        id: '901',
        patient: null,
        scheduled_time: '2026-11-23T12:00:00',
        reason: 'Lunch',
        status: '',
      }),
    ]);
    mount(fake);
    const visit = await findAppointment('9:30 AM');
    expect(visit.getAttribute('aria-label')).toBe(
      '9:30 AM Marisol Quispe, Annual physical, Room 2, Dr. Amara Okafor, Arrived',
    );
    const lunch = await findAppointment('12:00 PM');
    expect(lunch.getAttribute('aria-label')).toBe(
      '12:00 PM Break, Lunch, Room 2, Dr. Amara Okafor',
    );
  });

  it('sets a status from the keyboard with exactly one update, and Ctrl+Z sends it back', async () => {
    const { fake } = calendarFake([testAppointment({ status: 'Arrived' })]);
    mount(fake);
    const appointment = await findAppointment('9:30 AM');
    act(() => {
      appointment.focus();
    });
    await userEvent.keyboard('4'); // Checked In
    await waitFor(() => {
      expect(updates(fake)).toHaveLength(1);
    });
    expect(updates(fake)[0]?.request).toEqual({
      id: '900',
      changes: { status: 'Checked In' },
      base: { status: 'Arrived' },
    });
    // The label follows, on the same (still focused) node.
    await waitFor(() => {
      expect(appointment.getAttribute('aria-label')).toMatch(/, Checked In$/);
    });
    expect(document.activeElement).toBe(appointment);

    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => {
      expect(updates(fake)).toHaveLength(2);
    });
    expect(updates(fake)[1]?.request).toEqual({
      id: '900',
      changes: { status: 'Arrived' },
      base: { status: 'Checked In' },
    });
  });

  it('puts every appointment in its room column when coming from the other views', async () => {
    const { fake } = calendarFake([testAppointment()], {
      'prefs:get': () => ok({ ...testPrefs, calendar: { ...testPrefs.calendar, view: 'week' } }),
    });
    mount(fake);
    await findAppointment('9:30 AM');
    for (const view of ['Month', 'Agenda', 'Rooms']) {
      await userEvent.click(screen.getByRole('button', { name: view }));
    }
    await waitFor(() => {
      const node = document.querySelector('[aria-label^="9:30 AM"][tabindex="0"]');
      expect(node?.closest('[data-resource-id]')?.getAttribute('data-resource-id')).toBe('2');
    });
    expect(fake.calls.filter((c) => c.channel === 'prefs:set').map((c) => c.request)).toEqual([
      { calendar: { view: 'month' } },
      { calendar: { view: 'agenda' } },
      { calendar: { view: 'rooms' } },
    ]);
  });

  it('opens the status menu with Shift+F10 and sets the chosen status with one update', async () => {
    const { fake } = calendarFake([testAppointment({ status: '' })]);
    mount(fake);
    const appointment = await findAppointment('9:30 AM');
    act(() => {
      appointment.focus();
    });
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await screen.findByRole('menu', { name: 'Status of Marisol Quispe' });
    await userEvent.click(within(menu).getByRole('menuitemradio', { name: /In Room/ }));
    await waitFor(() => {
      expect(updates(fake)).toHaveLength(1);
    });
    expect(updates(fake)[0]?.request).toEqual({
      id: '900',
      changes: { status: 'In Room' },
      base: { status: '' },
    });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opens the booking dialog for a patient sent from their record', async () => {
    const { fake } = calendarFake([], {
      'patients:get': (r) =>
        ok({
          patient: {
            id: r.id,
            doctor: 7,
            first_name: 'Dale',
            last_name: 'Whitaker',
            date_of_birth: '1961-11-30',
          },
        }),
    });
    mount(fake, {
      current: { area: 'calendar', bookForPatientId: 43 },
      navigate: () => Promise.resolve(true),
    });
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'New appointment' },
      { timeout: 10_000 },
    );
    expect(within(dialog).getByText('Dale Whitaker')).toBeTruthy();
    // Once to name the patient, once for the dialog's alert-flag line (main answers that one from
    // the record it just read: no second drchrono call).
    expect(fake.calls.filter((c) => c.channel === 'patients:get')).toHaveLength(2);
  });

  it('moves an appointment to another day from the M key: one update with the new time', async () => {
    const { fake } = calendarFake([testAppointment()]);
    mount(fake);
    const appointment = await findAppointment('9:30 AM');
    act(() => {
      appointment.focus();
    });
    await userEvent.keyboard('m');
    const dialog = await screen.findByRole('dialog', { name: 'Move Marisol Quispe' });
    const day = within(dialog).getByLabelText(/Day/);
    await userEvent.clear(day);
    await userEvent.type(day, '2026-11-24');
    await userEvent.selectOptions(within(dialog).getByLabelText('Exam room'), '3');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => {
      expect(updates(fake)).toHaveLength(1);
    });
    expect(updates(fake)[0]?.request).toEqual({
      id: '900',
      changes: { scheduled_time: '2026-11-24T09:30:00', exam_room: 3 },
      base: { scheduled_time: '2026-11-23T09:30:00', exam_room: 2 },
    });
  });

  it('moves through days with J/K and arrows, comes back with T, and Ctrl+F finds a patient', async () => {
    const { fake } = calendarFake([testAppointment()]);
    mount(fake);
    await findAppointment('9:30 AM');
    const title = () => screen.getByRole('heading', { level: 2 }).textContent;
    expect(title()).toBe('Monday, November 23, 2026');
    await userEvent.keyboard('k');
    expect(title()).toBe('Tuesday, November 24, 2026');
    await userEvent.keyboard('{ArrowRight}');
    expect(title()).toBe('Wednesday, November 25, 2026');
    await userEvent.keyboard('j');
    expect(title()).toBe('Tuesday, November 24, 2026');
    await userEvent.keyboard('t');
    expect(title()).toBe('Monday, November 23, 2026');
    await userEvent.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(
      screen.getByRole('combobox', { name: 'Find patient (Ctrl+F)' }),
    );
    // Typing in the search box is typing, not shortcuts.
    await userEvent.keyboard('kt');
    expect(title()).toBe('Monday, November 23, 2026');
  });
});
