import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { changesFromForm, formFromAppointment } from './booking-form';
import { calendarFake, testAppointment } from './testing/calendar-fixtures';
import { mountBooking } from './testing/booking-dialog';

describe('editing an appointment drchrono holds with values the form cannot save', () => {
  it('computes the changes without throwing, leaving out an old value the contract refuses', () => {
    const appointment = testAppointment({ duration: 0, notes: 'Fasting' });
    const initial = formFromAppointment(appointment);
    const { changes, base } = changesFromForm(initial, {
      ...initial,
      scheduled_time: '2026-11-23T09:30:00',
      duration: 15,
      notes: 'Fasting since 8pm',
      status: 'Arrived',
      reason: 'Annual physical',
      color: '',
      profile: 5,
      is_walk_in: false,
    });
    expect(changes).toEqual({ duration: 15, notes: 'Fasting since 8pm' });
    // drchrono's 0 would not pass main's contract as `base`: sent without claiming to know it.
    expect(base).toEqual({ notes: 'Fasting' });
  });

  it('opens, says what is wrong, and saves once it is corrected', async () => {
    const appointment = testAppointment({ duration: 0, notes: 'Fasting' });
    const { fake } = calendarFake([appointment]);
    const onClose = mountBooking(
      fake,
      {
        mode: 'edit',
        appointment,
        initial: formFromAppointment(appointment),
        patient: { id: 42, first_name: 'Marisol', last_name: 'Quispe' },
      },
      { held: [appointment] },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit appointment' });
    expect(dialog).toBeTruthy();
    expect(
      await screen.findByText(
        'drchrono holds values for this appointment that cannot be saved as they are: Duration (minutes) is 0 (at least 5 minutes). Correct them to save; nothing was changed.',
      ),
    ).toBeTruthy();
    const duration = screen.getByLabelText<HTMLInputElement>(/Duration/);
    expect(duration.value).toBe('0');
    await waitFor(() => {
      expect(duration.getAttribute('aria-invalid')).toBe('true');
    });

    // Saving as is is refused here, with nothing sent.
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.calls.filter((c) => c.channel === 'appointments:update')).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();

    await userEvent.clear(duration);
    await userEvent.type(duration, '15');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    const updates = fake.calls.filter((c) => c.channel === 'appointments:update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.request).toEqual({ id: '900', changes: { duration: 15 }, base: {} });
  });
});
