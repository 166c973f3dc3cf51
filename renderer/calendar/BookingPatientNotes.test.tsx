import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AppointmentItem } from '../../shared/contract';
import { err, ok } from '../../shared/result';
import { BookingDialog } from './BookingDialog';
import type { BookingFormInput } from './booking-form';
import { calendarFake, testAppointment, testPractice } from './testing/calendar-fixtures';
import { bookingInitial, renderDesk, type CalendarFake } from './testing/booking-dialog';

const initial: BookingFormInput = {
  ...bookingInitial,
  exam_room: 1,
  scheduled_time: '2026-11-23T14:00',
};

function mount(fake: CalendarFake, known: AppointmentItem[]) {
  const create = vi.fn(() =>
    Promise.resolve(ok({ appointment: testAppointment({ id: '5' }), state: 'saved' as const })),
  );
  renderDesk(
    fake,
    <BookingDialog
      request={{ mode: 'new', initial, patient: null }}
      practice={testPractice}
      actions={{ create, update: vi.fn() }}
      onClose={vi.fn()}
      known={known}
    />,
  );
  return create;
}

const marisolRecord = {
  id: 42,
  doctor: 7,
  first_name: 'Marisol',
  last_name: 'Quispe',
  date_of_birth: '1984-03-02',
  patient_flags: [
    { flag_type: 3, name: 'Needs interpreter', color: '#1E88E5', priority: 20 },
    { flag_type: 4, name: 'Balance in collections', color: '#6D4C41', priority: 30 },
    { flag_type: 5, name: 'Retired flag', color: '', priority: 1, archived: true },
  ],
};

const available = { state: 'available', reason: null, skipped: 0, detail: null } as const;

async function chooseMarisol() {
  await userEvent.type(screen.getByRole('combobox', { name: 'Patient' }), 'quis');
  await userEvent.click(await screen.findByRole('option', { name: /Quispe, Marisol/ }));
}

describe('the patient in the booking dialog', () => {
  it('shows the alert flags, highest priority first, and the birth date as everywhere', async () => {
    const { fake } = calendarFake([], { 'patients:get': () => ok({ patient: marisolRecord }) });
    mount(fake, []);
    await chooseMarisol();
    const line = await screen.findByLabelText('Alerts: Balance in collections, Needs interpreter');
    expect(line.textContent).toContain('Balance in collections');
    expect(line.textContent).not.toContain('Retired flag');
    expect(screen.getByText(/DOB 03\/02\/1984/)).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'patients:get')).toHaveLength(1);
  });

  it('shows a flag without a name as "Alert flag" and says why names are missing', async () => {
    const nameless = { ...marisolRecord, patient_flags: [{ flag_type: 4 }] };
    const { fake } = calendarFake([], { 'patients:get': () => ok({ patient: nameless }) });
    const why =
      'Patient flag types are not available to this drchrono account: it lacks the “Settings” permission.';
    renderDesk(
      fake,
      <BookingDialog
        request={{ mode: 'new', initial, patient: null }}
        practice={{
          ...testPractice,
          availability: {
            users: available,
            userGroups: available,
            profiles: available,
            templates: available,
            flagTypes: { state: 'refused', reason: why, skipped: 0, detail: null },
          },
        }}
        actions={{ create: vi.fn(), update: vi.fn() }}
        onClose={vi.fn()}
        known={[]}
      />,
    );
    await chooseMarisol();
    const line = await screen.findByLabelText('Alerts: Alert flag');
    expect(line.textContent).toContain(why);
  });

  it('says nothing about flag types when every flag came with its name', async () => {
    const { fake } = calendarFake([], { 'patients:get': () => ok({ patient: marisolRecord }) });
    renderDesk(
      fake,
      <BookingDialog
        request={{ mode: 'new', initial, patient: null }}
        practice={{
          ...testPractice,
          availability: {
            users: available,
            userGroups: available,
            profiles: available,
            templates: available,
            flagTypes: {
              state: 'refused',
              reason: 'Patient flag types are not available.',
              skipped: 0,
              detail: null,
            },
          },
        }}
        actions={{ create: vi.fn(), update: vi.fn() }}
        onClose={vi.fn()}
        known={[]}
      />,
    );
    await chooseMarisol();
    const line = await screen.findByLabelText('Alerts: Balance in collections, Needs interpreter');
    expect(line.textContent).not.toContain('not available');
  });

  it('says when the flags could not be read, and still books', async () => {
    const { fake } = calendarFake([], {
      'patients:get': () => err('forbidden', 'drchrono refused to show this patient.'),
    });
    const create = mount(fake, []);
    await chooseMarisol();
    expect(
      await screen.findByText(/Alert flags could not be read: drchrono refused to show/),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => {
      expect(create).toHaveBeenCalledTimes(1);
    });
  });

  it('warns, without refusing, when the patient already has a visit that day', async () => {
    const { fake } = calendarFake([], { 'patients:get': () => ok({ patient: marisolRecord }) });
    const known = [
      testAppointment({ id: '1', patient: 42, scheduled_time: '2026-11-23T09:30:00' }),
      // Cancelled, another day, another patient: not counted.
      testAppointment({
        id: '2',
        patient: 42,
        scheduled_time: '2026-11-23T11:00:00',
        status: 'Cancelled',
      }),
      testAppointment({ id: '3', patient: 42, scheduled_time: '2026-11-24T09:30:00' }),
      testAppointment({ id: '4', patient: 43, scheduled_time: '2026-11-23T10:30:00' }),
    ];
    const create = mount(fake, known);
    await chooseMarisol();
    const warning = await screen.findByText(/already has a visit on/);
    expect(warning.textContent).toBe(
      'Marisol Quispe already has a visit on Mon 23 Nov: 9:30 AM with Dr. Okafor, Room 2 (Annual physical). You can still book this one.',
    );
    // The warning follows the date typed: a day without another visit has none.
    const start = screen.getByLabelText(/Start/);
    await userEvent.clear(start);
    await userEvent.type(start, '2026-11-25T14:00');
    await waitFor(() => {
      expect(screen.queryByText(/already has a visit on/)).toBeNull();
    });
    await userEvent.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => {
      expect(create).toHaveBeenCalledTimes(1);
    });
    expect(fake.calls.filter((c) => c.channel.startsWith('appointments:'))).toEqual([]);
  });
});
