import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Prefs } from '../../shared/contract';
import { FrontdeskProvider } from '../bridge';
import { createFakeApi } from '../bridge/fake-api';
import { testPractice } from '../calendar/testing/calendar-fixtures';
import { UiProviders } from '../ui';
import { useDeskLocale } from '../calendar/useDeskLocale';
import { ClockSettings } from './ClockSettings';

/** Stands for the status bar and any screen already open: it writes a time the desk's way. */
function OpenScreen() {
  const { hour12 } = useDeskLocale();
  return <p data-testid="open-screen">{hour12 ? '2:05 PM' : '14:05'}</p>;
}

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
          <OpenScreen />
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
    // A screen already open follows at once, without a reload.
    await waitFor(() => {
      expect(screen.getByTestId('open-screen').textContent).toBe('14:05');
    });
    expect(fake.calls.filter((c) => c.channel === 'prefs:set').map((c) => c.request)).toEqual([
      { calendar: { clock: '24h' } },
      { calendar: { weekStart: 'monday' } },
    ]);
  });
});
