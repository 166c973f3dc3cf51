import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Prefs } from '../../shared/contract';
import { FrontdeskProvider } from '../bridge';
import { createFakeApi } from '../bridge/fake-api';
import { UiProviders } from '../ui';
import { PreferencesSettings } from './PreferencesSettings';

describe('API budget and offline days', () => {
  it('shows the calls this share allows and saves a new share at once', async () => {
    let prefs: Prefs = {
      calendar: { view: 'rooms', officeId: null, doctorId: null, slotMinutes: 15 },
      cache: { daysBefore: 1, daysAfter: 7 },
      lock: { idleMinutes: 10 },
      budget: { hourlyQuota: 500, share: 0.3 },
    };
    const fake = createFakeApi({
      'prefs:get': () => ({ ok: true, value: prefs }),
      'prefs:set': (patch) => {
        prefs = { ...prefs, budget: { ...prefs.budget, ...patch.budget } };
        return { ok: true, value: prefs };
      },
    });
    render(
      <FrontdeskProvider api={fake.api}>
        <UiProviders>
          <PreferencesSettings />
        </UiProviders>
      </FrontdeskProvider>,
    );
    const share = await screen.findByLabelText('This computer’s share');
    expect(
      screen.getByRole('option', { name: '30 % (150 calls an hour)', selected: true }),
    ).toBeTruthy();
    await userEvent.selectOptions(share, '0.5');
    await waitFor(() => {
      expect(
        screen.getByRole('option', { name: '50 % (250 calls an hour)', selected: true }),
      ).toBeTruthy();
    });
    expect(fake.calls.find((c) => c.channel === 'prefs:set')?.request).toEqual({
      budget: { share: 0.5 },
    });
  });
});
