import { describe, expect, it } from 'vitest';
import type { Channel, ParsedRequestOf, ReplyOf } from '../../../shared/contract';
import { contract } from '../../../shared/contract';
import { withVisitMark } from '../../../shared/drchrono';
import { createCollectedService } from '../../records/collected-service';
import { collectedHandlers } from './collected';
import { createRecordsTestServices } from './testing/fake-records-services';

function caller(setup: ReturnType<typeof createRecordsTestServices>) {
  const handlers = collectedHandlers(createCollectedService(setup.services));
  return async <C extends keyof typeof handlers & Channel>(
    channel: C,
    request: unknown,
  ): Promise<ReplyOf<C>> => {
    const parsed = contract[channel].request.parse(request) as ParsedRequestOf<C>;
    const handler = handlers[channel] as (
      r: ParsedRequestOf<C>,
      s: typeof setup.services,
    ) => Promise<ReplyOf<C>>;
    const reply = await handler(parsed, setup.services);
    if (reply.ok) contract[channel].response.parse(reply.value);
    return reply;
  };
}

const copay = {
  id: 920001,
  patient: 42,
  appointment: null,
  line_item: null,
  amount: '25.00',
  payment_method: 'CASH',
  received_date: '2026-11-23',
  notes: withVisitMark('', '77'),
};

function visit(setup: ReturnType<typeof createRecordsTestServices>) {
  setup.books.set('77', {
    appointments: [
      {
        id: '77',
        doctor: 7,
        office: 1,
        exam_room: 1,
        patient: 42,
        scheduled_time: '2026-11-23T09:00:00',
        duration: 30,
      },
    ],
    patients: {},
    fetchedAt: 0,
    source: 'cache',
  });
}

describe('copays taken at check-in', () => {
  it('applies one to a line item: a payment on the line, then a reversal on the account', async () => {
    const setup = createRecordsTestServices();
    visit(setup);
    setup.client.answer('LIST /api/patient_payments', [copay]);
    setup.client.answer('LIST /api/line_items', [
      { id: 5, appointment: 77, patient: 42, code: '99213', balance_pt: '25.00' },
    ]);
    const reply = await caller(setup)('billing:applyCollected', {
      appointmentId: '77',
      paymentId: 920001,
      lineItemId: 5,
    });
    expect(reply.ok).toBe(true);
    expect(setup.edits.submitted.map((e) => e.body)).toEqual([
      expect.objectContaining({
        patient: 42,
        amount: '25.00',
        appointment: 77,
        line_item: 5,
        payment_method: 'CASH',
        notes: expect.stringContaining('[from payment 920001]'),
      }),
      expect.objectContaining({
        patient: 42,
        amount: '-25.00',
        payment_method: 'CASH',
        notes: expect.stringContaining('[applied 920001]'),
      }),
    ]);
    expect(setup.edits.submitted[1]?.body).not.toHaveProperty('appointment');
  });

  it('refuses to apply a copay twice, and a line item of another visit', async () => {
    const setup = createRecordsTestServices();
    visit(setup);
    setup.client.answer('LIST /api/patient_payments', [
      copay,
      { ...copay, id: 920002, amount: '-25.00', notes: 'Moved [applied 920001]' },
    ]);
    setup.client.answer('LIST /api/line_items', [{ id: 5, appointment: 77, patient: 42 }]);
    const call = caller(setup);
    const twice = await call('billing:applyCollected', {
      appointmentId: '77',
      paymentId: 920001,
      lineItemId: 5,
    });
    expect(!twice.ok && twice.error.code).toBe('conflict');
    setup.client.answer('LIST /api/patient_payments', [copay]);
    const elsewhere = await call('billing:applyCollected', {
      appointmentId: '77',
      paymentId: 920001,
      lineItemId: 6,
    });
    expect(!elsewhere.ok && elsewhere.error.code).toBe('not_found');
    expect(setup.edits.submitted).toEqual([]);
  });

  it('gives the account balance: owed on visits less what was paid on the account', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('LIST /api/line_items', [
      { id: 5, appointment: 77, patient: 42, balance_pt: '100.10' },
      { id: 6, appointment: 78, patient: 42, balance_pt: '0.00' },
    ]);
    setup.client.answer('LIST /api/patient_payments', [
      copay,
      { ...copay, id: 920003, line_item: 6, appointment: 78, amount: '40.00', notes: '' },
    ]);
    const reply = await caller(setup)('billing:account', { patientId: 42 });
    expect(reply.ok && reply.value).toEqual({
      owedOnVisits: '100.10',
      onAccount: '25.00',
      balance: '75.10',
      visitsOwing: 1,
    });
  });

  it('sums today’s collections by visit in one call (for the Today board)', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('LIST /api/patient_payments', [
      copay,
      { ...copay, id: 920004, patient: 43, appointment: 78, line_item: 9, notes: '' },
      {
        ...copay,
        id: 920005,
        patient: 43,
        appointment: 78,
        line_item: 9,
        amount: '5.50',
        payment_method: 'CRDT',
        notes: '',
      },
    ]);
    const reply = await caller(setup)('billing:collectedToday', {});
    expect(setup.client.calls).toHaveLength(1);
    expect(setup.client.calls[0]?.query).toMatchObject({
      since: expect.stringMatching(/T00:00:00$/),
    });
    expect(reply.ok && reply.value.byAppointment).toEqual({
      '77': { amount: '25.00', methods: ['CASH'], onAccount: '25.00' },
      '78': { amount: '30.50', methods: ['CASH', 'CRDT'], onAccount: '0.00' },
    });
  });
});
