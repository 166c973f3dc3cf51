import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Prefs } from '../../shared/contract';
import { FrontdeskProvider } from '../bridge';
import { createFakeApi } from '../bridge/fake-api';
import { testPractice } from '../calendar/testing/calendar-fixtures';
import { UiProviders } from '../ui';
import { ClockSettings } from './ClockSettings';

describe('Time and week', () => {
  it("follows the practice's country by default and saves a 24-hour clock and Monday weeks", async () => {
    let prefs: Prefs = {
      calendar: { view: 'rooms', officeId: null, doctorId: null, slotMinutes: 15 },
      cache: { daysBefore: 1, daysAfter: 7 },
      lock: { idleMinutes: 10 },
      budget: { hourlyQuota: 500, share: 0.3 },
    };
    const fake = createFakeApi({
      'prefs:get': () => ({ ok: true, value: prefs }),
      'prefs:set': (patch) => {
        prefs = { ...prefs, calendar: { ...prefs.calendar, ...patch.calendar } };
        return { ok: true, value: prefs };
      },
      'practice:get': () => ({
        ok: true,
        value: {
          ...testPractice,
          offices: testPractice.offices.map((o) => ({ ...o, country: 'US' })),
        },
      }),
    });
    render(
      <FrontdeskProvider api={fake.api}>
        <UiProviders>
          <ClockSettings />
        </UiProviders>
      </FrontdeskProvider>,
    );
    const clock = await screen.findByLabelText('Clock');
    await screen.findByRole('option', {
      name: 'As the practice (12-hour, 9:30 AM)',
      selected: true,
    });
    expect(
      screen.getByRole('option', { name: 'As the practice (Sunday)', selected: true }),
    ).toBeTruthy();
    await userEvent.selectOptions(clock, '24h');
    await userEvent.selectOptions(screen.getByLabelText('Weeks start on'), 'monday');
    await waitFor(() => {
      expect(screen.getByRole('option', { name: 'Monday', selected: true })).toBeTruthy();
    });
    expect(fake.calls.filter((c) => c.channel === 'prefs:set').map((c) => c.request)).toEqual([
      { calendar: { clock: '24h' } },
      { calendar: { weekStart: 'monday' } },
    ]);
  });
});
