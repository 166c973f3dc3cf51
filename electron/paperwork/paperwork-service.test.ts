import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { VirtualClock } from '../../shared/time/clock';
import type { PlainStore } from '../store/types';
import { dayFreshMs, touchedRefetchMs } from './day-memo';
import { createPaperworkService } from './paperwork-service';
import { listClient } from './testing/list-client';

function memoryPlain(): PlainStore {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string, schema: z.ZodType<T>) => {
      const parsed = schema.safeParse(values.get(key));
      return parsed.success ? parsed.data : undefined;
    },
    set: (key, value) => values.set(key, structuredClone(value)),
    delete: (key) => values.delete(key),
  };
}

const day = '2026-12-07';

describe('paperwork service', () => {
  it("fetches a day's eligibility once, newest check first, and again only after the day changed", async () => {
    const clock = new VirtualClock(Date.parse('2026-12-06T15:00:00Z'));
    const { client, calls } = listClient({
      '/api/eligibility_checks': [
        {
          patient: 7,
          appointment: 81,
          eligibility: '6 - Inactive',
          query_date: '2026-12-03T09:00:00',
        },
        {
          patient: 7,
          appointment: 81,
          eligibility: '1 - Active Coverage',
          query_date: '2026-12-05T09:00:00',
        },
        {
          patient: 8,
          appointment: null,
          eligibility: '1 - Active Coverage',
          query_date: '2026-12-04T09:00:00',
        },
      ],
    });
    const service = createPaperworkService({ client, clock, plain: memoryPlain() });
    const first = await service.eligibility(day);
    await service.eligibility(day);
    expect(calls).toEqual([
      { path: '/api/eligibility_checks', query: { appointment_date: day }, verbose: false },
    ]);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.byAppointment['81']?.map((c) => c.eligibility)).toEqual([
      '1 - Active Coverage',
      '6 - Inactive',
    ]);
    expect(Object.keys(first.value.byPatient).sort()).toEqual(['7', '8']);

    // Status changes and moves do not touch eligibility: asked again later, still no call...
    await clock.advance(touchedRefetchMs + 1);
    await service.eligibility(day);
    expect(calls).toHaveLength(1);
    // ...until the day's copy is older than it may be served.
    await clock.advance(dayFreshMs);
    await service.eligibility(day);
    expect(calls).toHaveLength(2);
  });

  it('reads reminders from the verbose day and sums patient balances by visit', async () => {
    const clock = new VirtualClock(Date.parse('2026-12-06T15:00:00Z'));
    const { client, calls } = listClient({
      '/api/appointments': [
        { id: '81', reminders: [{ id: 1, scheduled_time: '2026-12-06T09:00:00', type: 'sms' }] },
        { id: '82', reminders: null },
        { id: '83', deleted_flag: true, reminders: [] },
      ],
      '/api/line_items': [
        { id: 1, appointment: 81, balance_pt: '10.10' },
        { id: 2, appointment: 81, balance_pt: '0.20' },
        { id: 3, appointment: 82, balance_pt: '0.00' },
      ],
    });
    const service = createPaperworkService({ client, clock, plain: memoryPlain() });
    const reminders = await service.reminders(day);
    expect(calls[0]).toEqual({ path: '/api/appointments', query: { date: day }, verbose: true });
    expect(reminders.ok && reminders.value.byAppointment).toEqual({
      '81': [{ id: 1, scheduled_time: '2026-12-06T09:00:00', type: 'sms' }],
      '82': [],
    });
    // A card for a visit booked after the fetch asks again, but not within seconds of it.
    await service.reminders(day, false, '84');
    expect(calls).toHaveLength(1);
    await clock.advance(touchedRefetchMs + 1);
    await service.reminders(day, false, '81');
    expect(calls).toHaveLength(1);
    await service.reminders(day, false, '84');
    expect(calls).toHaveLength(2);
    calls.splice(1, 1);

    const balances = await service.balances(day);
    expect(calls[1]).toEqual({
      path: '/api/line_items',
      query: { service_date: day },
      verbose: false,
    });
    expect(balances.ok && balances.value.byAppointment).toEqual({ '81': '10.30', '82': '0.00' });
    // A charge or payment posted: balances are read again (once the copy is a little old).
    service.billingChanged();
    await clock.advance(touchedRefetchMs + 1);
    await service.balances(day);
    expect(calls).toHaveLength(3);
  });

  it('keeps reminder defaults per visit type and for the practice', () => {
    const clock = new VirtualClock(0);
    const service = createPaperworkService({
      client: listClient({}).client,
      clock,
      plain: memoryPlain(),
    });
    expect(service.defaults()).toEqual({ practiceDefault: null, byAppointmentProfile: {} });
    service.setDefault(null, 1501);
    service.setDefault(610001, 1502);
    expect(service.defaults()).toEqual({
      practiceDefault: 1501,
      byAppointmentProfile: { '610001': 1502 },
    });
    service.setDefault(610001, null);
    expect(service.defaults()).toEqual({ practiceDefault: 1501, byAppointmentProfile: {} });
  });
});
