import { describe, expect, it } from 'vitest';
import { appointmentStatus } from '../../shared/drchrono';
import { addDays } from '../../shared/time/practice-time';
import { createWorld, TUESDAY_0830, type World } from './sync-harness';

/**
 * The outbox against the real client and sandbox (reliability D26): drchrono has no idempotency
 * key, so when the sandbox commits a POST and then drops the connection, the outbox must look
 * before it sends again, and the server must end with exactly one record.
 */

function firstOffice(world: World) {
  const office = world.sandbox.db.offices.all()[0];
  const patient = world.sandbox.db.patients.all()[0];
  if (!office || !patient) throw new Error('empty sandbox');
  return { office: office.id, doctor: Number(office.data.doctor), patient: patient.id };
}

describe('the outbox against the sandbox', () => {
  it('a booking committed before the connection dropped exists once', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const { office, doctor, patient } = firstOffice(world);
    const date = addDays(world.sandbox.control.today, 60);
    world.sandbox.control.setFaults({ dropAfterRate: 1 });
    const result = await world.drive(
      ws.services.edits.submit({
        resource: 'appointments',
        op: 'create',
        body: {
          doctor,
          office,
          exam_room: 1,
          patient,
          scheduled_time: `${date}T10:00:00`,
          duration: 30,
          reason: 'drop-after probe',
        },
        summary: 'Book',
      }),
    );
    expect(result.ok && result.value.state).toBe('queued');
    world.sandbox.control.clearFaults();
    await world.advance(60_000);
    await world.drive(ws.services.edits.drain());
    const booked = world.sandbox.db.appointments
      .all()
      .filter((a) => !a.deleted_flag && a.reason === 'drop-after probe');
    expect(booked).toHaveLength(1);
    expect(ws.services.edits.unsentCount()).toBe(0);
    const posts = world.sandbox.control
      .requests()
      .filter((r) => r.method === 'POST' && r.path === '/api/appointments');
    expect(posts).toHaveLength(1);
  });

  it('a payment (no overlap rule to catch a second one) committed before a drop exists once', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const { patient } = firstOffice(world);
    world.sandbox.control.setFaults({ dropAfterRate: 1 });
    const result = await world.drive(
      ws.services.edits.submit({
        resource: 'patient_payments',
        op: 'create',
        body: { patient, amount: '25.00', payment_method: 'CASH', notes: 'copay probe' },
        summary: 'Copay',
      }),
    );
    expect(result.ok && result.value.state).toBe('queued');
    world.sandbox.control.clearFaults();
    await world.advance(60_000);
    await world.drive(ws.services.edits.drain());
    const paid = world.sandbox.db.payments.all().filter((p) => p.data.notes === 'copay probe');
    expect(paid).toHaveLength(1);
    expect(ws.services.edits.unsentCount()).toBe(0);
  });

  it('edits made offline replay once each, in order, when drchrono is back', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const practice = await world.drive(ws.services.practice.get());
    if (!practice.ok) throw new Error('no practice');
    const today = practice.value.today;
    const book = await world.drive(ws.services.book.range({ start: today, end: today }));
    if (!book.ok) throw new Error('no book');
    const visit = book.value.appointments.find(
      (a) => a.patient !== null && !['Arrived', 'In Room'].includes(a.status ?? ''),
    );
    if (!visit) throw new Error('no visit');
    const was = appointmentStatus.parse(visit.status ?? '');
    world.sandbox.control.setOffline(true);
    ws.services.sync.start();
    // The first failures take the workstation offline on its own.
    await world.drive(ws.services.book.update(visit.id, { status: 'Arrived' }, { status: was }));
    await world.drive(
      ws.services.book.update(visit.id, { status: 'In Room' }, { status: 'Arrived' }),
    );
    await world.advance(30_000);
    expect(ws.services.sync.status().connection).toBe('offline');
    expect(ws.services.book.cachedDay(today)?.find((a) => a.id === visit.id)).toMatchObject({
      status: 'In Room',
      pending: { state: 'pending' },
    });
    world.sandbox.control.clearRequests();
    world.sandbox.control.setOffline(false);
    await world.advance(3 * 60_000);
    await world.drive(ws.services.sync.stop());
    expect(ws.services.sync.status().connection).toBe('online');
    expect(ws.services.edits.unsentCount()).toBe(0);
    const patches = world.sandbox.control
      .requests()
      .filter((r) => r.method === 'PATCH' && r.path === `/api/appointments/${visit.id}`);
    expect(patches.map((p) => p.body)).toEqual([{ status: 'Arrived' }, { status: 'In Room' }]);
    expect(world.sandbox.db.appointments.get(visit.id)?.status).toBe('In Room');
  });
});
