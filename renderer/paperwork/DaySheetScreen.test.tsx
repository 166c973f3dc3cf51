import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Book } from '../../shared/contract';
import { err, ok } from '../../shared/result';
import { createFakeApi } from '../bridge/fake-api';
import { FrontdeskProvider } from '../bridge';
import {
  testAppointment,
  testPatients,
  testPractice,
  testPrefs,
} from '../calendar/testing/calendar-fixtures';
import { UiProviders } from '../ui';
import { DaySheetScreen } from './DaySheetScreen';

/**
 * The day sheet flags visits whose coverage is not active from the day's eligibility checks: when
 * those cannot be read, the paper says so, as it does for balances, instead of printing a sheet
 * on which every visit looks eligible.
 */

const day = '2026-11-24';

afterEach(() => {
  cleanup();
});

describe('day sheet without eligibility or balances', () => {
  it('prints its visits and says which of its columns are missing and why', async () => {
    const fake = createFakeApi({
      'prefs:get': () => ok(testPrefs),
      'practice:get': () => ok(testPractice),
      'appointments:list': (): { ok: true; value: Book } =>
        ok({
          appointments: [testAppointment({ id: '1', scheduled_time: `${day}T09:00:00` })],
          patients: Object.fromEntries(testPatients.map((p) => [String(p.id), p])),
          fetchedAt: 1,
          source: 'cache',
        }),
      'paperwork:balances': () =>
        err(
          'forbidden',
          'drchrono did not allow this: the signed-in account may not use line items.',
        ),
      'eligibility:day': () =>
        err(
          'server',
          "Eligibility checks could not be read: drchrono's answer was not a list Frontdesk understands.",
        ),
    });
    render(
      <FrontdeskProvider api={fake.api}>
        <UiProviders>
          <DaySheetScreen date={day} officeId={1} />
        </UiProviders>
      </FrontdeskProvider>,
    );
    const paper = () => document.querySelector('.fd-print-root') as HTMLElement;
    await waitFor(() => {
      expect(paper().querySelectorAll('tbody tr')).toHaveLength(1);
    });
    await waitFor(() => {
      expect(paper().querySelector('.fd-paper__foot')?.textContent).toBe(
        '1 visit · Balances not shown: drchrono did not allow this: the signed-in account may ' +
          'not use line items. · Eligibility not shown: Eligibility checks could not be read: ' +
          "drchrono's answer was not a list Frontdesk understands.",
      );
    });
  });
});
