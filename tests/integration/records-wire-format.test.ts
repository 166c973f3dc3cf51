import { describe, expect, it } from 'vitest';
import {
  insuranceWritable,
  lineItemWritable,
  patientChanges,
  patientPaymentWritable,
  problemWritable,
} from '../../shared/drchrono';
import { createWorld, TUESDAY_0830 } from './sync-harness';

/**
 * What the records write path puts on the wire, against a sandbox as strict as the reference:
 * the contract's schemas (the same ones the forms and IPC use) turn what a form holds into
 * drchrono's formats, and the outbox delivers it. Each of these was refused before (issue 9).
 */
describe('record writes in drchrono’s formats', () => {
  it('bills with an integer appointment and lists of 4, and pays against the line item', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const visit = world.sandbox.data.appointments
      .list()
      .find((a) => a.patient !== null && a.deleted_flag !== true && a.status === 'Complete');
    if (!visit) throw new Error('no completed visit');
    // As the billing form holds it: the appointment id as the calendar has it, two boxes filled.
    const lineItem = lineItemWritable.parse({
      appointment: String(visit.id),
      doctor: visit.doctor,
      code: '99213',
      procedure_type: 'C',
      price: '120',
      modifiers: ['25'],
      diagnosis_pointers: [1],
    });
    const added = await world.drive(
      ws.services.edits.submit({
        resource: 'line_items',
        op: 'create',
        body: lineItem,
        summary: 'Add 99213',
      }),
    );
    expect(added.ok && added.value.state).toBe('saved');
    const sent = world.sandbox.control.requests().find((r) => r.path === '/api/line_items');
    expect(sent?.body).toMatchObject({
      appointment: Number(visit.id),
      modifiers: ['25', '', '', ''],
      diagnosis_pointers: [1, null, null, null],
    });
    const created = added.ok && added.value.state === 'saved' ? added.value.response : null;
    const itemId = (created as { id: number }).id;

    const payment = patientPaymentWritable.parse({
      patient: visit.patient,
      amount: '25',
      payment_method: 'CASH',
      appointment: String(visit.id),
      line_item: itemId,
    });
    const paid = await world.drive(
      ws.services.edits.submit({
        resource: 'patient_payments',
        op: 'create',
        body: payment,
        summary: 'Copay',
      }),
    );
    expect(paid.ok && paid.value.state).toBe('saved');
    expect(world.sandbox.data.lineItems.get(itemId)).toMatchObject({ pt_paid: '25.00' });
  });

  it('clears dates with null: a date of birth, a subscriber’s, a problem’s onset', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const patient = world.sandbox.db.patients.all()[4];
    const problem = world.sandbox.db.problems.all()[0];
    if (!patient || !problem) throw new Error('no records');
    const update = (resource: 'patients' | 'problems', id: number, body: Record<string, unknown>) =>
      world.drive(
        ws.services.edits.submit({
          resource,
          op: 'update',
          targetId: String(id),
          body,
          summary: 'clear a date',
        }),
      );
    // What the forms hold for an emptied date box is "", which the schemas send as null.
    const cleared = patientChanges.parse({
      date_of_birth: '',
      primary_insurance: insuranceWritable.parse({
        insurance_company: 'Aetna',
        insurance_payer_id: '60054',
        insurance_id_number: 'W100',
        subscriber_date_of_birth: '',
      }),
    });
    expect(cleared).toMatchObject({
      date_of_birth: null,
      primary_insurance: { subscriber_date_of_birth: null },
    });
    const saved = await update('patients', patient.id, cleared);
    expect(saved.ok).toBe(true);
    expect(world.sandbox.db.patients.get(patient.id)?.data.date_of_birth).toBeNull();

    const onset = problemWritable.partial().parse({ date_onset: '' });
    expect((await update('problems', problem.id, onset)).ok).toBe(true);
    expect(world.sandbox.db.problems.get(problem.id)?.data.date_onset).toBeNull();

    // The sandbox refuses "" as drchrono's REST framework does.
    const refused = await update('problems', problem.id, { date_onset: '' });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.fields).toEqual({
        date_onset: 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.',
      });
  });
});
