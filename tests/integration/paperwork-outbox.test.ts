import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { quoteMetatags } from '../../shared/drchrono';
import { createEventBus } from '../../electron/app/event-bus';
import { createChangeHistory, HISTORY_DOCUMENT } from '../../electron/history/change-history';
import { memoryPlainStore } from '../fault/memory-plain-store';
import { createWorld, TUESDAY_0830, type Workstation, type World } from './sync-harness';

/**
 * Documents through the outbox and the desk's change history, against the real client and the
 * sandbox (issue 12 items 5 and 7): a card scan made offline waits in the outbox with its bytes,
 * goes out once as multipart when drchrono is back, and every step lands in the history.
 */

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);

function historyFor(world: World, ws: Workstation, plain = memoryPlainStore()) {
  return createChangeHistory({
    store: ws.secure,
    plain,
    clock: world.clock,
    events: createEventBus(),
    queue: ws.services.edits,
    who: () => 'frontdesk',
    zone: () => ws.services.practice.zone(),
    appointment: (id) => {
      const found = ws.services.cache.days.find(id);
      return found ? { patient: found.patient ?? null, office: found.office } : null;
    },
  });
}

describe('documents through the outbox, and the change history', () => {
  it('a card scan made offline is queued with its bytes, then sent once as multipart', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const history = historyFor(world, ws);
    await world.drive(Promise.all([ws.services.init(), history.init()]));
    const patient = world.sandbox.db.patients.all()[0]!;
    const doctor = Number(patient.data.doctor);

    ws.setNetwork(false);
    const queued = await world.drive(
      ws.services.edits.submit({
        resource: 'documents',
        op: 'create',
        body: {
          doctor,
          patient: patient.id,
          date: '2026-11-24',
          description: 'Insurance card (front)',
          metatags: quoteMetatags(['insurance-card']),
        },
        file: { name: 'card.jpg', type: 'image/jpeg', base64: jpeg.toString('base64') },
        summary: 'Attach “Insurance card (front)”',
      }),
    );
    expect(queued.ok && queued.value.state).toBe('queued');
    expect(ws.services.edits.pending('documents')[0]?.file?.name).toBe('card.jpg');
    expect(world.sandbox.db.documents.all()).toHaveLength(0);

    ws.setNetwork(true);
    await world.advance(5 * 60_000);
    await world.drive(ws.services.edits.drain());
    expect(ws.services.edits.unsentCount()).toBe(0);
    const posts = world.sandbox.control
      .requests()
      .filter((r) => r.method === 'POST' && r.path === '/api/documents');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ document: 'card.jpg', metatags: '["insurance-card"]' });
    const [stored] = world.sandbox.db.documents.all();
    expect(stored?.data).toMatchObject({ patient: patient.id, metatags: ['insurance-card'] });
    expect(Buffer.from(world.sandbox.db.documentFiles.get(stored!.id)!.bytes)).toEqual(jpeg);

    const [entry] = await history.list({ patientId: patient.id });
    expect(entry).toMatchObject({
      resource: 'documents',
      by: 'frontdesk',
      state: 'delivered',
      targetId: String(stored!.id),
    });
    // The history names the file; its bytes stay only in the outbox, and only until sent.
    expect(entry?.after).toMatchObject({ file: 'card.jpg' });
    expect(JSON.stringify(entry)).not.toContain(jpeg.toString('base64').slice(0, 40));
  });

  it('keeps a move with before → after and a refusal with drchrono’s message, across a restart', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const plain = memoryPlainStore();
    const history = historyFor(world, ws, plain);
    await world.drive(Promise.all([ws.services.init(), history.init()]));
    const practice = await world.drive(ws.services.practice.get());
    if (!practice.ok) throw new Error('no practice');
    const today = practice.value.today;
    const book = await world.drive(ws.services.book.range({ start: today, end: today }));
    if (!book.ok) throw new Error('no book');
    const visit = book.value.appointments.find((a) => a.patient !== null)!;
    const later = `${today}T17:45:00`;
    const moved = await world.drive(
      ws.services.book.update(
        visit.id,
        { scheduled_time: later },
        { scheduled_time: visit.scheduled_time },
      ),
    );
    expect(moved.ok).toBe(true);
    const refused = await world.drive(
      ws.services.edits.submit({
        resource: 'patient_payments',
        op: 'create',
        body: { patient: visit.patient, amount: '0.00' },
        summary: 'Payment of 0.00',
      }),
    );
    expect(refused.ok).toBe(false);
    await world.drive(history.idle());

    // A fresh start reads the same history from the encrypted store.
    const again = historyFor(world, ws, plain);
    const entries = await world.drive(again.list({ day: today }));
    const move = entries.find((e) => e.resource === 'appointments');
    expect(move).toMatchObject({
      state: 'delivered',
      patientId: visit.patient,
      appointmentId: visit.id,
      before: { scheduled_time: visit.scheduled_time },
      after: { scheduled_time: later },
    });
    const payment = entries.find((e) => e.resource === 'patient_payments');
    expect(payment).toMatchObject({ state: 'refused', patientId: visit.patient });
    expect(payment?.message).toMatch(/zero/i);
    expect(await world.drive(again.list({ appointmentId: visit.id }))).toHaveLength(1);
    expect(await world.drive(again.list({ day: '2020-01-01' }))).toEqual([]);

    // Retention: shortened, old entries go; the setting is the only thing in plain settings.
    await world.advance(8 * 86_400_000);
    await world.drive(again.setRetention(7));
    expect(await world.drive(again.list({}))).toEqual([]);
    expect(plain.get('history', z.unknown())).toEqual({
      retentionDays: 7,
    });
    expect(await ws.secure.read(HISTORY_DOCUMENT, z.unknown())).toEqual({
      version: 1,
      entries: [],
    });
  });
});
