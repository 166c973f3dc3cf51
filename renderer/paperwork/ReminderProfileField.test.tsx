import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import { calendarFake, testAppointment } from '../calendar/testing/calendar-fixtures';
import { mountBooking } from '../calendar/testing/booking-dialog';

const reminderProfiles = {
  profiles: [
    { id: 1501, doctor: 7, name: 'Standard: text the day before', reminders: [] },
    { id: 1502, doctor: 7, name: 'Procedure: call three days before', reminders: [] },
  ],
  availability: { state: 'available' as const, reason: null, skipped: 0, detail: null },
};

describe('reminder profile at booking', () => {
  it("starts from the practice default, follows the visit type's default, and is sent with the booking", async () => {
    let defaults = {
      practiceDefault: 1501 as number | null,
      byAppointmentProfile: { '6': 1502 } as Record<string, number>,
    };
    const { fake } = calendarFake([], {
      'appointments:create': () =>
        ok({ appointment: testAppointment({ id: '777' }), state: 'saved' as const }),
      'reminders:profiles': () => ok(reminderProfiles),
      'reminders:defaults': () => ok(defaults),
      'reminders:setDefault': (r) => {
        defaults = {
          ...defaults,
          byAppointmentProfile: {
            ...defaults.byAppointmentProfile,
            [String(r.appointmentProfileId)]: r.reminderProfileId ?? 0,
          },
        };
        return ok(defaults);
      },
    });
    const onClose = mountBooking(fake);
    const reminders = screen.getByLabelText<HTMLSelectElement>('Reminders');
    await waitFor(() => {
      expect(reminders.value).toBe('1501');
    });
    await userEvent.type(screen.getByRole('combobox', { name: 'Patient' }), 'quis');
    await userEvent.click(await screen.findByRole('option', { name: /Quispe, Marisol/ }));
    await userEvent.selectOptions(screen.getByLabelText('Profile'), '6');
    await waitFor(() => {
      expect(reminders.value).toBe('1502');
    });
    // The desk's own choice wins over the defaults, and can become the visit type's default.
    await userEvent.selectOptions(screen.getByLabelText('Profile'), '5');
    await userEvent.selectOptions(reminders, '1502');
    await userEvent.click(screen.getByRole('button', { name: 'Make default' }));
    await waitFor(() => {
      expect(fake.calls.some((c) => c.channel === 'reminders:setDefault')).toBe(true);
    });
    expect(fake.calls.find((c) => c.channel === 'reminders:setDefault')?.request).toEqual({
      appointmentProfileId: 5,
      reminderProfileId: 1502,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    const create = fake.calls.find((c) => c.channel === 'appointments:create');
    expect(create?.request).toMatchObject({ appointment: { profile: 5, reminder_profile: 1502 } });
  });

  it('says in one line why there are none when drchrono refused them, and books without one', async () => {
    const reason =
      'Reminder profiles are not available to this drchrono account: it lacks the “Access Scheduling” permission.';
    const { fake } = calendarFake([], {
      'appointments:create': () =>
        ok({ appointment: testAppointment({ id: '778' }), state: 'saved' as const }),
      'reminders:profiles': () =>
        ok({
          profiles: [],
          availability: {
            state: 'refused' as const,
            reason,
            skipped: 0,
            detail: 'GET /api/reminder_profiles → 403',
          },
        }),
      'reminders:defaults': () => ok({ practiceDefault: 1501, byAppointmentProfile: {} }),
    });
    const onClose = mountBooking(fake);
    expect(await screen.findByText(reason)).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Reminders').disabled).toBe(true);
    await userEvent.type(screen.getByRole('combobox', { name: 'Patient' }), 'quis');
    await userEvent.click(await screen.findByRole('option', { name: /Quispe, Marisol/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    const create = fake.calls.find((c) => c.channel === 'appointments:create');
    const sent = create?.request as { appointment: Record<string, unknown> } | undefined;
    expect(sent?.appointment).toBeDefined();
    expect(sent?.appointment.reminder_profile).toBeUndefined();
  });
});
