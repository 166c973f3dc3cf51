import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../shared/time/clock';
import { seededRandom } from './backoff';
import { OutboxQueue } from './edit-queue';
import { localIdFor, OUTBOX_DOCUMENT, outboxDocumentSchema } from './outbox-entry';
import { FakeDrchrono } from './testing/fake-drchrono';
import { FakeSecureStore } from './testing/fake-secure-store';

const START = Date.UTC(2026, 10, 23, 14, 0, 0); // 09:00 in New York

function setup(options: { online?: boolean } = {}) {
  const clock = new VirtualClock(START);
  const server = new FakeDrchrono(clock);
  const store = new FakeSecureStore();
  const net = { online: options.online ?? true };
  let n = 0;
  const make = () =>
    new OutboxQueue({
      store,
      client: server,
      clock,
      isOnline: () => net.online && !server.offline,
      zone: () => 'America/New_York',
      random: seededRandom(7),
      newId: () => `t${String(++n)}`,
    });
  return { clock, server, store, net, queue: make(), restart: make };
}

const booking = (time = '2026-11-23T10:00:00', room = 1) => ({
  doctor: 1,
  office: 10,
  exam_room: room,
  patient: 77,
  scheduled_time: time,
  duration: 30,
});

function appointmentsOn(server: FakeDrchrono): Record<string, unknown>[] {
  return [...server.table('appointments').values()].filter((a) => a.deleted_flag !== true);
}

describe('OutboxQueue', () => {
  it('writes the edit durably before sending it, and answers saved when online', async () => {
    const { queue, server, store } = setup();
    let durableAtPost = false;
    server.faultFor = (call) => {
      if (call.method === 'POST') {
        const doc = outboxDocumentSchema.parse(JSON.parse(store.docs.get(OUTBOX_DOCUMENT)!));
        durableAtPost = doc.entries.length === 1 && doc.entries[0]!.uncertain;
      }
      return null;
    };
    const result = await queue.submit({
      resource: 'appointments',
      op: 'create',
      body: booking(),
      summary: 'Book',
    });
    expect(result).toMatchObject({ ok: true, value: { state: 'saved' } });
    expect(durableAtPost).toBe(true);
    expect(server.countCalls()).toBe(1);
    expect(queue.unsentCount()).toBe(0);
    expect(appointmentsOn(server)).toHaveLength(1);
  });

  it('looks before retrying a create whose answer was lost after the server committed', async () => {
    const { queue, server, clock } = setup();
    server.failNext('drop-after');
    const result = await queue.submit({
      resource: 'appointments',
      op: 'create',
      body: booking(),
      summary: 'Book',
    });
    expect(result).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect(appointmentsOn(server)).toHaveLength(1);
    await clock.advance(10 * 60_000);
    await queue.drain();
    expect(queue.unsentCount()).toBe(0);
    expect(appointmentsOn(server)).toHaveLength(1);
    // The replay was a GET of the day, never a second POST.
    expect(server.countCalls((c) => c.method === 'POST')).toBe(1);
  });

  it('sends again after a drop before the server committed, and ends with exactly one', async () => {
    const { queue, server, clock } = setup();
    server.failNext('drop-before');
    await queue.submit({ resource: 'appointments', op: 'create', body: booking(), summary: 'x' });
    expect(appointmentsOn(server)).toHaveLength(0);
    await clock.advance(10 * 60_000);
    await queue.drain();
    expect(appointmentsOn(server)).toHaveLength(1);
    expect(queue.unsentCount()).toBe(0);
  });

  it('survives a restart between the durable mark and the answer (crash mid-send)', async () => {
    const { queue, server, clock, restart } = setup();
    // The first process dies right after the server committed: simulated by a lost answer
    // and a fresh queue reading the same store.
    server.failNext('drop-after');
    await queue.submit({ resource: 'appointments', op: 'create', body: booking(), summary: 'x' });
    const second = restart();
    await second.init();
    expect(second.unsentCount()).toBe(1);
    await clock.advance(60_000);
    await second.drain();
    expect(second.unsentCount()).toBe(0);
    expect(appointmentsOn(server)).toHaveLength(1);
  });

  it('returns a conflict for a clash on the first attempt and keeps nothing queued', async () => {
    const { queue, server } = setup();
    server.seed('appointments', { ...booking(), patient: 5 });
    const result = await queue.submit({
      resource: 'appointments',
      op: 'create',
      body: booking(),
      summary: 'x',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('conflict');
    expect(queue.unsentCount()).toBe(0);
  });

  it('queues offline without any call, then replays once on reconnect', async () => {
    const { queue, server, net } = setup({ online: false });
    const result = await queue.submit({
      resource: 'appointments',
      op: 'create',
      body: booking(),
      summary: 'x',
    });
    expect(result).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect(server.countCalls()).toBe(0);
    net.online = true;
    await queue.drain();
    expect(appointmentsOn(server)).toHaveLength(1);
    expect(server.countCalls((c) => c.method === 'POST')).toBe(1);
  });

  it('rewrites later edits of a queued booking to its real id once it is delivered', async () => {
    const { queue, server, net } = setup({ online: false });
    const created = await queue.submit({
      resource: 'appointments',
      op: 'create',
      body: booking(),
      summary: 'x',
    });
    if (!created.ok) throw new Error('not queued');
    const localId = localIdFor(created.value.outboxId);
    await queue.submit({
      resource: 'appointments',
      op: 'update',
      targetId: localId,
      body: { status: 'Arrived' },
      base: { status: '' },
      summary: 'Arrived',
    });
    net.online = true;
    await queue.drain();
    const [appointment] = appointmentsOn(server);
    expect(appointment).toMatchObject({ status: 'Arrived' });
    expect(queue.unsentCount()).toBe(0);
  });

  it('deleting a booking that never left drops both edits and costs no call', async () => {
    const { queue, server } = setup({ online: false });
    const created = await queue.submit({
      resource: 'appointments',
      op: 'create',
      body: booking(),
      summary: 'x',
    });
    if (!created.ok) throw new Error('not queued');
    const removed = await queue.submit({
      resource: 'appointments',
      op: 'delete',
      targetId: localIdFor(created.value.outboxId),
      body: {},
      summary: 'Delete',
    });
    expect(removed.ok).toBe(true);
    expect(queue.unsentCount()).toBe(0);
    expect(server.countCalls()).toBe(0);
  });

  it('turns a field someone else changed into a conflict, and keep-mine sends it', async () => {
    const { queue, server, net } = setup({ online: false });
    const row = server.seed('appointments', { ...booking(), status: '' });
    await queue.submit({
      resource: 'appointments',
      op: 'update',
      targetId: String(row.id),
      body: { status: 'Arrived' },
      base: { status: '' },
      summary: 'Arrived',
    });
    server.touch('appointments', String(row.id), { status: 'No Show' });
    net.online = true;
    await queue.drain();
    const [entry] = queue.entries();
    expect(entry).toMatchObject({
      state: 'conflict',
      theirs: { status: 'No Show' },
      mine: { status: 'Arrived' },
    });
    expect(queue.counts()).toEqual({ pending: 0, conflicts: 1, attention: 0 });
    await queue.resolve(entry!.id, 'keep-mine');
    await queue.drain();
    expect(server.table('appointments').get(String(row.id))).toMatchObject({ status: 'Arrived' });
    expect(queue.unsentCount()).toBe(0);
  });

  it('merges: fields we did not touch keep what someone else wrote', async () => {
    const { queue, server, net } = setup({ online: false });
    const row = server.seed('appointments', { ...booking(), status: '', notes: 'a' });
    await queue.submit({
      resource: 'appointments',
      op: 'update',
      targetId: String(row.id),
      body: { status: 'Arrived' },
      base: { status: '' },
      summary: 'Arrived',
    });
    server.touch('appointments', String(row.id), { notes: 'changed elsewhere' });
    net.online = true;
    await queue.drain();
    expect(server.table('appointments').get(String(row.id))).toMatchObject({
      status: 'Arrived',
      notes: 'changed elsewhere',
    });
  });

  it("parks a refused replay with drchrono's message; a refused first attempt is returned", async () => {
    const { queue, server, net } = setup();
    const immediate = await queue.submit({
      resource: 'appointments',
      op: 'update',
      targetId: 'missing',
      body: { status: 'Arrived' },
      base: { status: '' },
      summary: 'Arrived',
    });
    expect(immediate.ok).toBe(false);
    if (!immediate.ok) expect(immediate.error.code).toBe('not_found');
    expect(queue.unsentCount()).toBe(0);

    net.online = false;
    await queue.submit({
      resource: 'appointments',
      op: 'update',
      targetId: 'missing',
      body: { status: 'Arrived' },
      base: { status: '' },
      summary: 'Arrived',
    });
    net.online = true;
    await queue.drain();
    expect(queue.entries()[0]).toMatchObject({ state: 'attention', message: 'Not found.' });
    expect(server.countCalls()).toBeGreaterThan(0);
  });

  it('retries 5xx and 429 with backoff and never drops the edit', async () => {
    const { queue, server, clock } = setup();
    const row = server.seed('appointments', { ...booking(), status: '' });
    server.failNext('500', '500', '429');
    const result = await queue.submit({
      resource: 'appointments',
      op: 'update',
      targetId: String(row.id),
      body: { status: 'Arrived' },
      base: { status: '' },
      summary: 'Arrived',
    });
    expect(result).toMatchObject({ ok: true, value: { state: 'queued' } });
    for (let i = 0; i < 6 && queue.unsentCount() > 0; i++) {
      await clock.advance(5 * 60_000);
      await queue.drain();
    }
    expect(queue.unsentCount()).toBe(0);
    expect(server.table('appointments').get(String(row.id))).toMatchObject({ status: 'Arrived' });
  });

  it('replays edits of one record in the order they were made', async () => {
    const { queue, server, net } = setup({ online: false });
    const row = server.seed('appointments', { ...booking(), status: '' });
    const id = String(row.id);
    for (const [from, to] of [
      ['', 'Arrived'],
      ['Arrived', 'In Room'],
      ['In Room', 'Complete'],
    ] as const) {
      await queue.submit({
        resource: 'appointments',
        op: 'update',
        targetId: id,
        body: { status: to },
        base: { status: from },
        summary: to,
      });
    }
    net.online = true;
    await queue.drain();
    const patches = server.calls.filter((c) => c.method === 'PATCH').map((c) => c.body);
    expect(patches).toEqual([{ status: 'Arrived' }, { status: 'In Room' }, { status: 'Complete' }]);
    expect(queue.unsentCount()).toBe(0);
  });

  it('refuses to acknowledge an edit it could not write, and sends nothing', async () => {
    const { queue, server, store } = setup();
    await queue.init();
    store.failWrites = true;
    const result = await queue.submit({
      resource: 'appointments',
      op: 'create',
      body: booking(),
      summary: 'x',
    });
    expect(result.ok).toBe(false);
    expect(server.countCalls()).toBe(0);
    expect(queue.unsentCount()).toBe(0);
  });

  it('quarantines a corrupt outbox, reports it, keeps it, and goes on working', async () => {
    const { store, restart } = setup();
    store.docs.set(OUTBOX_DOCUMENT, '{"version":1,"entries":[{"id":');
    const queue = restart();
    await queue.init();
    expect(queue.problem()).toMatch(/kept as/);
    const aside = [...store.docs.keys()].find((k) => k.startsWith(`${OUTBOX_DOCUMENT}.corrupt`));
    expect(aside).toBeDefined();
    expect(store.docs.get(aside!)).toBe('{"version":1,"entries":[{"id":');
    const result = await queue.submit({
      resource: 'appointments',
      op: 'create',
      body: booking(),
      summary: 'x',
    });
    expect(result.ok).toBe(true);
  });

  it('keep-theirs drops a conflicting booking; move books it elsewhere', async () => {
    const { queue, server, net } = setup({ online: false });
    await queue.submit({ resource: 'appointments', op: 'create', body: booking(), summary: 'a' });
    await queue.submit({
      resource: 'appointments',
      op: 'create',
      body: booking('2026-11-23T11:00:00'),
      summary: 'b',
    });
    server.seed('appointments', { ...booking(), patient: 5 });
    server.seed('appointments', { ...booking('2026-11-23T11:00:00'), patient: 6 });
    net.online = true;
    await queue.drain();
    const [a, b] = queue.entries();
    expect(a?.state).toBe('conflict');
    expect(b?.state).toBe('conflict');
    await queue.resolve(a!.id, 'keep-theirs');
    await queue.resolve(b!.id, 'move', { scheduledTime: '2026-11-23T12:00:00', examRoom: 2 });
    await queue.drain();
    expect(queue.unsentCount()).toBe(0);
    expect(appointmentsOn(server).filter((x) => x.patient === 77)).toEqual([
      expect.objectContaining({ scheduled_time: '2026-11-23T12:00:00', exam_room: 2 }),
    ]);
  });
});
