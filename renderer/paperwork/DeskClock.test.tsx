import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppointmentItem, Book, Prefs } from '../../shared/contract';
import { ok } from '../../shared/result';
import { createFakeApi } from '../bridge/fake-api';
import { FrontdeskProvider } from '../bridge';
import {
  testAppointment,
  testPatients,
  testPractice,
  testPrefs,
} from '../calendar/testing/calendar-fixtures';
import { UiProviders } from '../ui';
import { ConfirmationsScreen } from './ConfirmationsScreen';
import { DaySheetScreen } from './DaySheetScreen';
import { PatientAppointmentsPrint } from './PatientAppointmentsPrint';

/** The paper and the call list write times as the desk does (Settings, else the practice's country). */

const day = '2026-11-24';
const visits: AppointmentItem[] = [
  testAppointment({ id: '1', status: 'Not Confirmed', scheduled_time: `${day}T13:15:00` }),
  testAppointment({ id: '2', status: 'Not Confirmed', scheduled_time: `${day}T08:05:00` }),
];
const reminders = {
  '1': [{ id: 5, scheduled_time: '2026-11-23T17:30:00', type: 'sms' }],
};

function prefsWith(clock: '12h' | '24h' | undefined): Prefs {
  return { ...testPrefs, calendar: { ...testPrefs.calendar, ...(clock ? { clock } : {}) } };
}

function renderWith(clock: '12h' | '24h' | undefined, screenNode: ReactNode) {
  const fake = createFakeApi({
    'prefs:get': () => ok(prefsWith(clock)),
    'practice:get': () => ok(testPractice),
    'appointments:list': (): { ok: true; value: Book } =>
      ok({
        appointments: visits,
        patients: Object.fromEntries(testPatients.map((p) => [String(p.id), p])),
        fetchedAt: 1,
        source: 'cache',
      }),
    'paperwork:balances': () => ok({ date: day, byAppointment: {}, fetchedAt: 1 }),
    'eligibility:day': () => ok({ date: day, byAppointment: {}, byPatient: {}, fetchedAt: 1 }),
    'reminders:day': () => ok({ date: day, byAppointment: reminders, fetchedAt: 1 }),
  });
  render(
    <FrontdeskProvider api={fake.api}>
      <UiProviders>{screenNode}</UiProviders>
    </FrontdeskProvider>,
  );
}

const paper = () => document.querySelector('.fd-print-root') as HTMLElement;

async function timesOnPaper(): Promise<string[]> {
  await waitFor(() => {
    expect(paper().querySelectorAll('tbody tr')).toHaveLength(2);
  });
  return [...paper().querySelectorAll('tbody tr')].map(
    (tr) => tr.querySelector('td')?.textContent ?? '',
  );
}

afterEach(() => {
  cleanup();
});

describe('paperwork on the desk’s clock', () => {
  it('day sheet: 12-hour for a US practice, 24-hour when Settings say so', async () => {
    renderWith(undefined, <DaySheetScreen date={day} officeId={1} />);
    expect(await timesOnPaper()).toEqual(['8:05 AM', '1:15 PM']);
    expect(paper().textContent).toMatch(/printed [A-Z][a-z]{2} \d{1,2} \d{1,2}:\d{2} (AM|PM)/);
    cleanup();
    renderWith('24h', <DaySheetScreen date={day} officeId={1} />);
    await expect.poll(() => timesOnPaper()).toEqual(['08:05', '13:15']);
    expect(paper().textContent).toMatch(/printed [A-Z][a-z]{2} \d{1,2} \d{2}:\d{2}(?! [AP]M)/);
  });

  it('call list: the visit times and the last reminder, on screen and on paper', async () => {
    renderWith('24h', <ConfirmationsScreen date={day} />);
    const table = await screen.findByRole('table', { name: 'Visits to confirm' });
    const row = within(table).getByRole('row', { name: /13:15/ });
    expect(row.textContent).toContain('Text Nov 23 17:30 (sent)');
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.querySelector('td')?.textContent),
    ).toEqual(['08:05', '13:15']);
    cleanup();
    renderWith('12h', <ConfirmationsScreen date={day} />);
    const again = await screen.findByRole('table', { name: 'Visits to confirm' });
    expect(within(again).getByRole('row', { name: /1:15 PM/ }).textContent).toContain(
      'Text Nov 23 5:30 PM (sent)',
    );
    expect(paper().textContent).toContain('1:15 PM');
  });

  it('the patient’s printed appointment list', async () => {
    const list = (
      <PatientAppointmentsPrint
        patient={testPatients[0]}
        upcoming={visits}
        past={[]}
        doctors={testPractice.doctors}
        offices={testPractice.offices}
      />
    );
    renderWith('24h', list);
    await expect
      .poll(() => [...paper().querySelectorAll('tbody tr')].map((r) => r.children[1]?.textContent))
      .toEqual(['13:15', '08:05']);
    cleanup();
    renderWith(undefined, list);
    await expect
      .poll(() => [...paper().querySelectorAll('tbody tr')].map((r) => r.children[1]?.textContent))
      .toEqual(['1:15 PM', '8:05 AM']);
  });
});
