import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../shared/result';
import { calendarFake, testAppointment } from './testing/calendar-fixtures';
import { mountBooking, type CalendarFake } from './testing/booking-dialog';
import { walkInDefaults } from './walk-in-form';

const callsTo = (fake: CalendarFake, channel: string) =>
  fake.calls.filter((c) => c.channel === channel);

describe('walk-in from the booking dialog', () => {
  it('fills the new patient from what was typed in the search', () => {
    expect(walkInDefaults('Ana Newcomb', 7)).toMatchObject({
      first_name: 'Ana',
      last_name: 'Newcomb',
      doctor: 7,
    });
    expect(walkInDefaults('Newcomb, Ana', null)).toMatchObject({
      first_name: 'Ana',
      last_name: 'Newcomb',
    });
    expect(walkInDefaults('(845) 555-0321', 7)).toMatchObject({ cell_phone: '(845) 555-0321' });
    expect(walkInDefaults('3/4/1990', 7)).toMatchObject({ date_of_birth: '3/4/1990' });
  });

  it('creates the patient with what drchrono requires, comes back with it chosen, and books it', async () => {
    const newcomer = {
      id: 900,
      first_name: 'Ana',
      last_name: 'Newcomb',
      gender: 'Female',
      doctor: 7,
      date_of_birth: '1990-03-04',
    };
    const { fake } = calendarFake([], {
      'patients:create': () => ok({ patient: newcomer, state: 'saved' as const }),
      'appointments:create': (r) =>
        ok({
          appointment: testAppointment({
            id: '901',
            patient: 900,
            scheduled_time: r.appointment.scheduled_time,
          }),
          state: 'saved' as const,
        }),
    });
    const onClose = mountBooking(fake);
    await userEvent.type(screen.getByRole('combobox', { name: 'Patient' }), 'Ana Newcomb');
    await userEvent.click(await screen.findByRole('button', { name: 'New patient “Ana Newcomb”' }));

    const form = await screen.findByRole('form', { name: 'New patient' });
    expect(screen.getByLabelText<HTMLInputElement>(/First name/).value).toBe('Ana');
    expect(screen.getByLabelText<HTMLInputElement>(/Last name/).value).toBe('Newcomb');
    expect(screen.getByLabelText<HTMLSelectElement>(/Primary provider/).value).toBe('7');
    // The booking's own buttons wait until the patient exists.
    expect(screen.queryByRole('button', { name: 'Book' })).toBeNull();
    expect(form).toBeTruthy();

    // What drchrono and the practice require is asked for before anything is sent.
    await userEvent.click(screen.getByRole('button', { name: 'Create patient' }));
    expect(await screen.findByText('Date of birth is required')).toBeTruthy();
    expect(screen.getByText('Choose Male, Female or Other')).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/Date of birth/), '13/45/1990');
    await userEvent.click(screen.getByRole('button', { name: 'Create patient' }));
    expect(await screen.findByText('Type the date of birth like 07/15/1985')).toBeTruthy();
    expect(callsTo(fake, 'patients:create')).toHaveLength(0);

    await userEvent.click(screen.getByRole('radio', { name: 'Female' }));
    await userEvent.clear(screen.getByLabelText(/Date of birth/));
    await userEvent.type(screen.getByLabelText(/Date of birth/), '3/4/1990');
    await userEvent.click(screen.getByRole('button', { name: 'Create patient' }));
    await waitFor(() => {
      expect(callsTo(fake, 'patients:create')).toHaveLength(1);
    });
    expect(callsTo(fake, 'patients:create')[0]?.request).toEqual({
      patient: {
        first_name: 'Ana',
        last_name: 'Newcomb',
        gender: 'Female',
        doctor: 7,
        date_of_birth: '1990-03-04',
      },
    });

    // Back at the booking with the new patient chosen: one click books.
    expect(await screen.findByText('Ana Newcomb')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    expect(callsTo(fake, 'appointments:create')[0]?.request).toMatchObject({
      appointment: { patient: 900, scheduled_time: '2026-11-23T10:00:00' },
    });
    expect(await screen.findByText('Booked Ana Newcomb, Mon 23 Nov at 10:00 AM.')).toBeTruthy();
  });

  it('keeps what was typed and says what drchrono refused', async () => {
    const { fake } = calendarFake([], {
      'patients:create': () =>
        err('invalid_input', 'drchrono refused the patient.', {
          fields: { cell_phone: 'Enter a valid phone number.' },
        }),
    });
    mountBooking(fake);
    await userEvent.type(screen.getByRole('combobox', { name: 'Patient' }), 'Newcomb, Ana');
    await userEvent.click(await screen.findByRole('button', { name: /New patient/ }));
    await userEvent.click(await screen.findByRole('radio', { name: 'Other' }));
    await userEvent.type(screen.getByLabelText(/Date of birth/), '03041990');
    await userEvent.type(screen.getByLabelText(/Cell phone/), '845 555 0000');
    await userEvent.click(screen.getByRole('button', { name: 'Create patient' }));
    expect(await screen.findByText('Enter a valid phone number.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/Last name/).value).toBe('Newcomb');
    expect(screen.getByLabelText<HTMLInputElement>(/Cell phone/).value).toBe('845 555 0000');
    // Back to the search without creating anyone.
    await userEvent.click(screen.getByRole('button', { name: 'Back to search' }));
    expect(screen.getByRole('combobox', { name: 'Patient' })).toBeTruthy();
  });
});
