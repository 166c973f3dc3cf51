import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../shared/result';
import { calendarFake, testAppointment } from './testing/calendar-fixtures';
import { bookingInitial as initial, mountBooking } from './testing/booking-dialog';

const creates = (fake: ReturnType<typeof calendarFake>['fake']) =>
  fake.calls.filter((c) => c.channel === 'appointments:create');

describe('BookingDialog', () => {
  it('refuses a visit without a patient and a too-short duration, and sends nothing', async () => {
    const { fake } = calendarFake([]);
    mountBooking(fake, { mode: 'new', initial, patient: null });
    const duration = screen.getByLabelText(/Duration/);
    await userEvent.clear(duration);
    await userEvent.type(duration, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Book' }));
    expect(await screen.findByText('Choose the patient, or make it a break')).toBeTruthy();
    expect(screen.getByText('At least 5 minutes')).toBeTruthy();
    expect(creates(fake)).toHaveLength(0);
  });

  it('books a patient picked from the saved roster, with the profile filling duration and reason', async () => {
    const created = testAppointment({ id: '777', status: '' });
    const { fake } = calendarFake([], {
      'appointments:create': () => ok({ appointment: created, state: 'saved' as const }),
    });
    const onClose = mountBooking(fake, { mode: 'new', initial, patient: null });
    await userEvent.type(screen.getByRole('combobox', { name: 'Patient' }), 'quis');
    await userEvent.click(await screen.findByRole('option', { name: /Quispe, Marisol/ }));
    await userEvent.selectOptions(screen.getByLabelText('Profile'), '6'); // Flu shot, 10 min
    expect(screen.getByLabelText<HTMLInputElement>(/Duration/).value).toBe('10');
    expect(screen.getByLabelText<HTMLInputElement>('Reason').value).toBe('Flu shot');
    await userEvent.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    expect(creates(fake)).toHaveLength(1);
    expect(creates(fake)[0]?.request).toEqual({
      appointment: {
        doctor: 7,
        office: 1,
        exam_room: 2,
        patient: 42,
        scheduled_time: '2026-11-23T10:00:00',
        duration: 10,
        reason: 'Flu shot',
        notes: '',
        color: '#c0392b',
        profile: 6,
        is_walk_in: false,
      },
    });
  });

  it('shows what a 409 clashes with and the nearest free slots, and one click takes a slot', async () => {
    const { fake } = calendarFake([], {
      'appointments:create': () =>
        err(
          'conflict',
          'That time is taken in Room 2: it clashes with 10:00 Dale Whitaker, Room 2. Nothing was changed.',
          {
            status: 409,
            conflict: {
              appointmentId: '55',
              label: '10:00 Dale Whitaker, Room 2',
              nearestFree: [
                { start: '2026-11-23T10:30:00', end: '2026-11-23T11:00:00', examRoom: 2 },
                { start: '2026-11-23T09:00:00', end: '2026-11-23T09:30:00', examRoom: 2 },
              ],
            },
          },
        ),
    });
    const onClose = mountBooking(fake, {
      mode: 'new',
      initial: { ...initial, is_break: true },
      patient: null,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Book' }));
    expect(await screen.findByText(/clashes with 10:00 Dale Whitaker, Room 2/)).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    const slots = screen.getByRole('group', { name: 'Nearest free slots' });
    expect(slots.textContent).toContain('10:30–11:00 AM, Room 2');
    await userEvent.click(screen.getByRole('button', { name: 'Use 10:30–11:00 AM, Room 2' }));
    expect(screen.getByLabelText<HTMLInputElement>(/Start/).value).toBe('2026-11-23T10:30');
    expect(screen.queryByText(/clashes with/)).toBeNull();
    // Only the one refused attempt: taking a slot books nothing by itself.
    expect(creates(fake)).toHaveLength(1);
  });

  it('edits with one update carrying only the changed fields and their old values', async () => {
    const appointment = testAppointment({ notes: 'Fasting' });
    const { fake } = calendarFake([appointment]);
    const { formFromAppointment } = await import('./booking-form');
    const onClose = mountBooking(fake, {
      mode: 'edit',
      appointment,
      initial: formFromAppointment(appointment),
      patient: { id: 42, first_name: 'Marisol', last_name: 'Quispe' },
    });
    const notes = screen.getByLabelText('Notes');
    await userEvent.clear(notes);
    await userEvent.type(notes, 'Fasting since 8pm');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    const update = fake.calls.filter((c) => c.channel === 'appointments:update');
    expect(update).toHaveLength(1);
    expect(update[0]?.request).toEqual({
      id: '900',
      changes: { notes: 'Fasting since 8pm' },
      base: { notes: 'Fasting' },
    });
  });
});
