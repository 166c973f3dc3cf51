import { describe, expect, it } from 'vitest';
import type { Channel, ParsedRequestOf, ReplyOf } from '../../../shared/contract';
import { contract } from '../../../shared/contract';
import { createRecordsHandlers } from '../records-handlers';
import { createRecordsTestServices } from './testing/fake-records-services';

/** Calls a handler the way the dispatcher does: the request parsed by the contract first. */
function caller(setup: ReturnType<typeof createRecordsTestServices>) {
  const handlers = createRecordsHandlers(setup.services);
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
    // Every answer must pass the contract's response schema, as the dispatcher checks.
    if (reply.ok) contract[channel].response.parse(reply.value);
    return reply;
  };
}

const serverPatient = {
  id: 42,
  doctor: 7,
  first_name: 'Marisol',
  last_name: 'Quispe',
  gender: 'Female',
  cell_phone: '555 0100',
  social_security_number: '123-45-6789',
  primary_insurance: {
    insurance_company: 'Aetna',
    insurance_payer_id: '60054',
    insurance_id_number: 'W100',
    insurance_group_number: 'G1',
    photo_front: 'https://example.test/front.png',
    coverage: { start: '2026-01-01' },
  },
};

describe('patients', () => {
  it('PATCHes only the changed fields, with an insurance laid over the server’s current card', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('GET /api/patients/42', serverPatient);
    const call = caller(setup);
    const reply = await call('patients:update', {
      id: 42,
      changes: {
        cell_phone: '555 0199',
        primary_insurance: {
          insurance_company: 'Aetna',
          insurance_payer_id: '60054',
          insurance_id_number: 'W200',
        },
      },
      base: {
        cell_phone: '555 0100',
        primary_insurance: {
          insurance_company: 'Aetna',
          insurance_payer_id: '60054',
          insurance_id_number: 'W100',
        },
      },
    });
    expect(reply.ok).toBe(true);
    expect(setup.client.calls).toEqual([
      { method: 'GET', path: '/api/patients/42', query: { verbose: true } },
    ]);
    const [edit] = setup.edits.submitted;
    expect(edit).toMatchObject({ resource: 'patients', op: 'update', targetId: '42' });
    expect(edit?.body).toEqual({
      cell_phone: '555 0199',
      primary_insurance: {
        insurance_company: 'Aetna',
        insurance_payer_id: '60054',
        insurance_id_number: 'W200',
        insurance_group_number: 'G1',
        photo_front: 'https://example.test/front.png',
        coverage: { start: '2026-01-01' },
      },
    });
    expect(edit?.base).toEqual({
      cell_phone: '555 0100',
      primary_insurance: {
        insurance_company: 'Aetna',
        insurance_payer_id: '60054',
        insurance_id_number: 'W100',
      },
    });
    if (reply.ok) {
      expect(reply.value.state).toBe('saved');
      expect(reply.value.patient?.cell_phone).toBe('555 0199');
    }
    // The roster learns the new phone, and only the summary: no SSN, no insurance.
    expect(setup.upserts.at(-1)).toMatchObject({ id: 42, cell_phone: '555 0199' });
    expect(setup.upserts.at(-1)).not.toHaveProperty('social_security_number');
    expect(setup.upserts.at(-1)).not.toHaveProperty('primary_insurance');
    expect(setup.events).toContainEqual({ kinds: ['patients'], patients: [42] });
  });

  it('hands the roster the flags of a full read, so the calendar shows them fresh', async () => {
    const setup = createRecordsTestServices();
    const flags = [{ flag_type: 4, name: 'Balance in collections', color: '#6D4C41' }];
    setup.client.answer('GET /api/patients/42', { ...serverPatient, patient_flags: flags });
    await caller(setup)('patients:get', { id: 42 });
    expect(setup.upserts.at(-1)).toMatchObject({ id: 42, patient_flags: flags });
    expect(setup.upserts.at(-1)).not.toHaveProperty('social_security_number');
  });

  it('reuses the record it just read instead of spending another call on the merge', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('GET /api/patients/42', serverPatient);
    const call = caller(setup);
    await call('patients:get', { id: 42 });
    await call('patients:get', { id: 42 });
    await call('patients:update', {
      id: 42,
      changes: {
        primary_insurance: {
          insurance_company: 'X',
          insurance_payer_id: '1',
          insurance_id_number: 'Z',
        },
      },
      base: {},
    });
    expect(setup.client.calls).toHaveLength(1);
    expect(setup.edits.submitted[0]?.body.primary_insurance).toMatchObject({
      insurance_group_number: 'G1',
      photo_front: 'https://example.test/front.png',
      insurance_id_number: 'Z',
    });
  });

  it('reads a patient again when the roster has seen a later version than the copy just read', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('GET /api/patients/42', {
      ...serverPatient,
      updated_at: '2026-11-22T09:00:00',
    });
    const call = caller(setup);
    await call('patients:get', { id: 42 });
    await call('patients:get', { id: 42 });
    expect(setup.client.calls).toHaveLength(1);
    // Another workstation changed the phone; this desk's roster poll saw it.
    setup.rosterKnows.set(42, {
      id: 42,
      first_name: 'Marisol',
      last_name: 'Quispe',
      updated_at: '2026-11-22T09:00:30',
    });
    setup.client.answer('GET /api/patients/42', {
      ...serverPatient,
      cell_phone: '555 0199',
      updated_at: '2026-11-22T09:00:30',
    });
    const read = await call('patients:get', { id: 42 });
    expect(setup.client.calls).toHaveLength(2);
    expect(read.ok && read.value.patient.cell_phone).toBe('555 0199');
    await call('patients:get', { id: 42 });
    expect(setup.client.calls).toHaveLength(2);
  });

  it('offline, merges over the copy the form was opened from and answers queued', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('GET /api/patients/42', serverPatient);
    const call = caller(setup);
    await call('patients:get', { id: 42 });
    await setup.clock.advance(10 * 60_000);
    setup.client.answer('GET /api/patients/42', {
      kind: 'network',
      committed: 'no',
      message: 'offline',
    });
    setup.edits.queueAll();
    const reply = await call('patients:update', {
      id: 42,
      changes: {
        primary_insurance: {
          insurance_company: 'X',
          insurance_payer_id: '1',
          insurance_id_number: 'Z',
        },
      },
      base: {},
    });
    expect(reply).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect(setup.edits.submitted[0]?.body.primary_insurance).toMatchObject({
      coverage: { start: '2026-01-01' },
    });
  });

  it('after a create, reads the full record: the POST answer lacks the verbose keys', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('GET /api/patients/901', { ...serverPatient, id: 901 });
    const call = caller(setup);
    const created = await call('patients:create', {
      patient: { first_name: 'Rosa', last_name: 'Delgado', gender: 'Female', doctor: 7 },
    });
    expect(created).toMatchObject({ ok: true, value: { state: 'saved', patient: { id: 901 } } });
    expect(setup.upserts.at(-1)).toMatchObject({ id: 901, first_name: 'Rosa' });
    const read = await call('patients:get', { id: 901 });
    expect(setup.client.calls).toEqual([
      { method: 'GET', path: '/api/patients/901', query: { verbose: true } },
    ]);
    expect(read.ok && read.value.patient.primary_insurance?.insurance_company).toBe('Aetna');
  });

  it('says a 403 in plain words: which permission to ask the practice admin for', async () => {
    const setup = createRecordsTestServices();
    setup.edits.refuseWith({
      code: 'forbidden',
      message: 'You do not have permission.',
      status: 403,
    });
    const call = caller(setup);
    const reply = await call('billing:addPayment', {
      payment: { patient: 42, amount: '25.00', payment_method: 'CASH' },
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('forbidden');
      expect(reply.error.message).toContain('Ask your practice admin to grant Access Billing');
    }
  });

  it('keeps drchrono’s field messages of a 400 so the form can put them next to the fields', async () => {
    const setup = createRecordsTestServices();
    setup.edits.refuseWith({
      code: 'rejected',
      message: 'email: Enter a valid email address.',
      fields: { email: 'Enter a valid email address.' },
      status: 400,
    });
    const reply = await caller(setup)('patients:update', {
      id: 42,
      changes: { email: 'a@b.co' },
      base: {},
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'rejected', fields: { email: 'Enter a valid email address.' } },
    });
  });
});

describe('billing', () => {
  it('keeps a patient’s payments on screen when only the payment log is refused, and says why', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('LIST /api/patient_payments', [
      { id: 5, patient: 42, appointment: null, line_item: null, amount: '25.00' },
    ]);
    setup.client.answer('LIST /api/patient_payment_log', {
      kind: 'http',
      status: 403,
      body: { detail: 'You do not have permission to perform this action.' },
      message: 'Forbidden',
    });
    const reply = await caller(setup)('billing:patient', { patientId: 42 });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.payments.map((p) => p.id)).toEqual([5]);
    expect(reply.value.log).toEqual([]);
    expect(reply.value.logAvailability).toMatchObject({ state: 'refused' });
    expect(reply.value.logAvailability?.reason).toMatch(
      /^Payment log entries are not available to this drchrono account: /,
    );
  });

  it('totals the appointment’s line items with decimals, and picks its payments out of the patient’s', async () => {
    const setup = createRecordsTestServices();
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
    setup.client.answer('LIST /api/line_items', [
      {
        id: 1,
        appointment: 77,
        billed: '0.10',
        paid_total: '0.00',
        balance_pt: '0.10',
        balance_ins: '0.00',
        balance_total: '0.10',
      },
      {
        id: 2,
        appointment: 77,
        billed: '0.20',
        paid_total: '0.00',
        balance_pt: '0.20',
        balance_ins: '0.00',
        balance_total: '0.20',
      },
    ]);
    setup.client.answer('LIST /api/transactions', []);
    setup.client.answer('LIST /api/patient_payments', [
      { id: 5, patient: 42, appointment: 77, line_item: 1, amount: '0.05' },
      { id: 6, patient: 42, appointment: 12, line_item: 9, amount: '40.00' },
      { id: 7, patient: 42, appointment: null, line_item: null, amount: '10.00' },
    ]);
    const reply = await caller(setup)('billing:appointment', { appointmentId: '77' });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value.totals).toEqual({
      billed: '0.30',
      paid: '0.00',
      balancePatient: '0.30',
      balanceInsurance: '0.00',
      balanceTotal: '0.30',
    });
    expect(reply.value.payments.map((p) => p.id)).toEqual([5]);
    expect(setup.client.calls.find((c) => c.path === '/api/patient_payments')?.query).toEqual({
      patient: 42,
    });
  });

  it('sends a payment through the outbox and tells the screens billing changed', async () => {
    const setup = createRecordsTestServices();
    const reply = await caller(setup)('billing:addPayment', {
      payment: {
        patient: 42,
        amount: '25.00',
        payment_method: 'CASH',
        appointment: '77',
        line_item: 1,
        received_date: '2026-11-23',
      },
    });
    expect(reply).toMatchObject({
      ok: true,
      value: { state: 'saved', payment: { id: 901, amount: '25.00' } },
    });
    expect(setup.edits.submitted[0]).toMatchObject({ resource: 'patient_payments', op: 'create' });
    expect(setup.events).toContainEqual({ kinds: ['billing'] });
  });
});

describe('clinical', () => {
  it('lists active records first and asks for allergies verbosely (their description needs it)', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('LIST /api/allergies', [
      { id: 1, patient: 42, description: 'Latex', status: 'inactive' },
      { id: 2, patient: 42, description: 'Penicillin', status: 'active' },
      { id: 3, patient: 42, description: 'Cats', status: null },
    ]);
    const reply = await caller(setup)('clinical:list', { kind: 'allergies', patientId: 42 });
    expect(reply.ok && reply.value.records.map((r) => r.id)).toEqual([3, 2, 1]);
  });

  it('“removes” by marking inactive: a PATCH of the status, never a DELETE', async () => {
    const setup = createRecordsTestServices();
    await caller(setup)('clinical:update', {
      kind: 'problems',
      id: 9,
      changes: { status: 'resolved' },
      base: { status: 'active' },
    });
    expect(setup.edits.submitted).toEqual([
      expect.objectContaining({
        resource: 'problems',
        op: 'update',
        targetId: '9',
        body: { status: 'resolved' },
      }),
    ]);
  });
});

describe('tasks', () => {
  const statuses = [
    { id: 1, name: 'Open', status_category: 'O' },
    { id: 4, name: 'Done', status_category: 'C' },
  ];

  it('finds overdue tasks by the practice’s today, not the machine’s or UTC’s', async () => {
    // 03:30 UTC on Nov 23 is still 22:30 on Nov 22 in New York.
    const setup = createRecordsTestServices({ now: Date.UTC(2026, 10, 23, 3, 30) });
    setup.client.answer('LIST /api/task_statuses', statuses);
    setup.client.answer('LIST /api/task_categories', []);
    setup.client.answer('LIST /api/task_templates', []);
    setup.client.answer('LIST /api/tasks', [
      { id: 10, title: 'Due yesterday', status: 1, due_date: { due_date: '2026-11-21' } },
      { id: 11, title: 'Due today (NY)', status: 1, due_date: { due_date: '2026-11-22' } },
      { id: 12, title: 'Done late', status: 4, due_date: { due_date: '2026-11-01' } },
      { id: 13, title: 'No due date', status: 1, due_date: null },
    ]);
    const reply = await caller(setup)('tasks:list', { overdue: true });
    expect(reply.ok && reply.value.tasks.map((t) => t.id)).toEqual([10]);
  });

  it('sends documented filters to drchrono and filters priority itself', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('LIST /api/tasks', [
      { id: 1, title: 'a', status: 1, priority: 40, assignee_group: 5 },
      { id: 2, title: 'b', status: 1, priority: 20, assignee_group: 5 },
    ]);
    const reply = await caller(setup)('tasks:list', {
      assigneeGroup: 5,
      priority: 40,
      dueFrom: '2026-11-20',
      dueTo: '2026-11-30',
    });
    expect(setup.client.calls[0]?.query).toEqual({
      assignee_group: 5,
      due_at_range: '2026-11-20/2026-11-30',
    });
    // Neither task has a due date inside the range: a server that ignored the filter is corrected.
    expect(reply.ok && reply.value.tasks).toEqual([]);
    const unbounded = await caller(setup)('tasks:list', { assigneeGroup: 5, priority: 40 });
    expect(unbounded.ok && unbounded.value.tasks.map((t) => t.id)).toEqual([1]);
  });

  it('when drchrono refuses task writes (405), answers not_supported in plain words', async () => {
    const setup = createRecordsTestServices();
    setup.edits.refuseWith({
      code: 'not_supported',
      message: 'Method "POST" not allowed.',
      status: 405,
    });
    const reply = await caller(setup)('tasks:create', {
      task: { title: 'Call back', status: 1, assignee_user: 1 },
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('not_supported');
      expect(reply.error.message).toMatch(/Nothing was saved: your task is still in the form/);
    }
  });

  it('meta: categories, statuses and templates are read once, then reused; users come from the practice', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('LIST /api/task_statuses', statuses);
    setup.client.answer('LIST /api/task_categories', [{ id: 3, name: 'Billing' }]);
    setup.client.answer('LIST /api/task_templates', [{ id: 8, name: 'Call back' }]);
    const call = caller(setup);
    const first = await call('tasks:meta', {});
    await call('tasks:meta', {});
    expect(setup.client.calls).toHaveLength(3);
    expect(first.ok && first.value.users.map((u) => u.username)).toEqual(['desk', 'dr.okafor']);
    expect(first.ok && first.value.groups.map((g) => g.name)).toEqual(['Front desk']);

    setup.client.answer('PATCH /api/task_categories/3', null);
    const renamed = await call('tasks:saveCategory', { id: 3, category: { name: 'Billing desk' } });
    expect(renamed).toMatchObject({ ok: true, value: { id: 3, name: 'Billing desk' } });
    const after = await call('tasks:meta', {});
    expect(after.ok && after.value.categories.map((c) => c.name)).toEqual(['Billing desk']);
  });

  it('forgets patients on sign-out', async () => {
    const setup = createRecordsTestServices();
    setup.client.answer('GET /api/patients/42', serverPatient);
    setup.auth.completeNow();
    const call = caller(setup);
    await call('patients:get', { id: 42 });
    await setup.services.auth.signOut();
    setup.auth.completeNow();
    await call('patients:get', { id: 42 });
    expect(setup.client.calls).toHaveLength(2);
  });
});
