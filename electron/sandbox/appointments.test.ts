import { describe, expect, it } from 'vitest';
import type { Sandbox } from './app';
import { call, demoToken, testSandbox } from './testing';

interface Page {
  next: string | null;
  results: Record<string, unknown>[];
}

const wall = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** A free slot: the Main Street office's Exam 1 on a future Saturday (nobody is booked). */
const saturday = '2025-03-15';
function draft(sb: Sandbox, over: Record<string, unknown> = {}): Record<string, unknown> {
  const patient = sb.db.patients.all()[5]?.id;
  return {
    doctor: 310001,
    office: 520001,
    exam_room: 1,
    patient,
    scheduled_time: `${saturday}T09:00:00`,
    duration: 30,
    reason: 'Check-up',
    ...over,
  };
}

describe('appointments', () => {
  it('needs since, date or date_range, and refuses long open ranges', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const bare = await call(sb, 'GET', '/api/appointments', { token });
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body)).toMatch(/since.*date.*date_range/);
    expect(
      (await call(sb, 'GET', '/api/appointments?date_range=2025-03-01/2025-12-31', { token }))
        .status,
    ).toBe(400);
    expect(
      (await call(sb, 'GET', '/api/appointments?date_range=2024-01-01/2025-03-01', { token }))
        .status,
    ).toBe(200);
    expect((await call(sb, 'GET', '/api/appointments?date=12-03-2025', { token })).status).toBe(
      400,
    );
    const week = await call(
      sb,
      'GET',
      '/api/appointments?date_range=2025-03-10/2025-03-14&office=520002',
      { token },
    );
    const results = (week.body as Page).results;
    expect(results.length).toBeGreaterThan(100);
    for (const a of results) {
      expect(a.office).toBe(520002);
      expect(
        String(a.scheduled_time) >= '2025-03-10' && String(a.scheduled_time) < '2025-03-15',
      ).toBe(true);
    }
  });

  it('uses string ids and timezone-less wall-clock times', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const day = (await call(sb, 'GET', '/api/appointments?date=2025-03-12', { token }))
      .body as Page;
    expect(day.results.length).toBeGreaterThan(60);
    for (const a of day.results) {
      expect(typeof a.id).toBe('string');
      expect(a.scheduled_time).toMatch(wall);
      expect(a.updated_at).toMatch(wall);
      expect(a.created_at).toMatch(wall);
      expect(a).not.toHaveProperty('reminders');
    }
    expect(day.results.some((a) => a.patient === null && a.appt_is_break === true)).toBe(true);
    const verbose = (
      await call(sb, 'GET', '/api/appointments?date=2025-03-12&verbose=true', { token })
    ).body as Page;
    expect(verbose.results[0]).toHaveProperty('reminders');
    expect(verbose.results[0]).toHaveProperty('vitals');
  });

  it('validates writes DRF-style', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const empty = await call(sb, 'POST', '/api/appointments', { token, json: {} });
    expect(empty.status).toBe(400);
    for (const field of ['doctor', 'exam_room', 'office', 'patient', 'scheduled_time', 'duration'])
      expect(empty.body).toHaveProperty(field, ['This field is required.']);
    const zoned = await call(sb, 'POST', '/api/appointments', {
      token,
      json: draft(sb, { scheduled_time: `${saturday}T09:00:00Z` }),
    });
    expect(zoned.status).toBe(400);
    expect(zoned.body).toHaveProperty('scheduled_time');
    const offset = await call(sb, 'POST', '/api/appointments', {
      token,
      json: draft(sb, { scheduled_time: `${saturday}T09:00:00-04:00` }),
    });
    expect(offset.status).toBe(400);
    const room = await call(sb, 'POST', '/api/appointments', {
      token,
      json: draft(sb, { exam_room: 9 }),
    });
    expect(room.status).toBe(400);
    expect(room.body).toHaveProperty('exam_room');
    const status = await call(sb, 'POST', '/api/appointments', {
      token,
      json: draft(sb, { status: 'Done' }),
    });
    expect(status.body).toEqual({ status: ['"Done" is not a valid choice.'] });
  });

  it('creates from JSON, forms, lists and profiles; unknown fields round-trip', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const created = await call(sb, 'POST', '/api/appointments', {
      token,
      json: draft(sb, { x_frontdesk_hint: { keep: [1, 2] }, id: 'ignored', deleted_flag: true }),
    });
    expect(created.status).toBe(201);
    const a = created.body as Record<string, unknown>;
    expect(typeof a.id).toBe('string');
    expect(a.id).not.toBe('ignored');
    expect(a.deleted_flag).toBe(false);
    expect(a.x_frontdesk_hint).toEqual({ keep: [1, 2] });
    const again = await call(sb, 'GET', `/api/appointments/${String(a.id)}`, { token });
    expect((again.body as Record<string, unknown>).x_frontdesk_hint).toEqual({ keep: [1, 2] });

    const form = await call(sb, 'POST', '/api/appointments', {
      token,
      form: {
        doctor: '310001',
        office: '520001',
        exam_room: '2',
        patient: '',
        scheduled_time: `${saturday}T12:00`,
        duration: '60',
        reason: 'Staff meeting',
      },
    });
    expect(form.status).toBe(201);
    expect(form.body).toMatchObject({
      patient: null,
      appt_is_break: true,
      scheduled_time: `${saturday}T12:00:00`,
    });

    const profile = sb.data.profiles.list().find((p) => p.name === 'Annual Physical');
    const fromProfile = await call(sb, 'POST', '/api/appointments', {
      token,
      json: draft(sb, {
        exam_room: 3,
        duration: undefined,
        reason: undefined,
        profile: profile?.id,
      }),
    });
    expect(fromProfile.status).toBe(201);
    expect(fromProfile.body).toMatchObject({
      duration: 40,
      reason: 'Annual physical exam',
      color: profile?.color,
    });

    const many = await call(sb, 'POST', '/api/appointments', {
      token,
      json: [draft(sb, { exam_room: 4 }), draft(sb, { exam_room: 5 })],
    });
    expect(many.status).toBe(201);
    expect(many.body).toHaveLength(2);
  });

  it('answers 409 for overlaps in the same room (breaks count, cancelled do not)', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const first = await call(sb, 'POST', '/api/appointments', { token, json: draft(sb) });
    const id = (first.body as { id: string }).id;
    const clash = await call(sb, 'POST', '/api/appointments', {
      token,
      json: draft(sb, { scheduled_time: `${saturday}T09:29:00`, duration: 15 }),
    });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ conflicting_appointment: id });
    expect((clash.body as { detail: string }).detail).toMatch(/overlap/);
    const adjacent = await call(sb, 'POST', '/api/appointments', {
      token,
      json: draft(sb, { scheduled_time: `${saturday}T09:30:00` }),
    });
    expect(adjacent.status).toBe(201);
    const otherRoom = await call(sb, 'POST', '/api/appointments', {
      token,
      json: draft(sb, { exam_room: 2 }),
    });
    expect(otherRoom.status).toBe(201);
    const lunch = sb.data.appointments
      .list()
      .find((x) => x.patient === null && x.scheduled_time === '2025-03-12T12:00:00');
    const intoLunch = await call(sb, 'POST', '/api/appointments', {
      token,
      json: draft(sb, {
        office: lunch?.office,
        exam_room: lunch?.exam_room,
        scheduled_time: '2025-03-12T12:15:00',
        doctor: lunch?.doctor,
      }),
    });
    expect(intoLunch.status).toBe(409);
    const cancel = await call(sb, 'PATCH', `/api/appointments/${id}`, {
      token,
      json: { status: 'Cancelled' },
    });
    expect(cancel.status).toBe(204);
    expect((await call(sb, 'POST', '/api/appointments', { token, json: draft(sb) })).status).toBe(
      201,
    );
    expect(sb.control.counts().conflicts409).toBe(2);
  });

  it('answers PUT, PATCH and DELETE with 204 and no body, checking overlaps on moves', async () => {
    const { sb, clock } = testSandbox();
    const token = demoToken(sb);
    const a = (await call(sb, 'POST', '/api/appointments', { token, json: draft(sb) }))
      .body as Record<string, unknown>;
    const b = (
      await call(sb, 'POST', '/api/appointments', {
        token,
        json: draft(sb, { scheduled_time: `${saturday}T10:00:00` }),
      })
    ).body as Record<string, unknown>;
    await clock.advance(5_000);
    const patch = await call(sb, 'PATCH', `/api/appointments/${String(a.id)}`, {
      token,
      json: { notes: 'Bring X-rays' },
    });
    expect(patch.status).toBe(204);
    expect(patch.text).toBe('');
    const after = sb.data.appointments.get(String(a.id));
    expect(after?.notes).toBe('Bring X-rays');
    expect(String(after?.updated_at) > String(a.updated_at)).toBe(true);
    const move = await call(sb, 'PATCH', `/api/appointments/${String(a.id)}`, {
      token,
      json: { scheduled_time: `${saturday}T10:15:00` },
    });
    expect(move.status).toBe(409);
    expect(move.body).toMatchObject({ conflicting_appointment: b.id });
    const put = await call(sb, 'PUT', `/api/appointments/${String(a.id)}`, {
      token,
      json: { ...a, duration: 45 },
    });
    expect(put.status).toBe(204);
    expect(put.text).toBe('');
    const badPut = await call(sb, 'PUT', `/api/appointments/${String(a.id)}`, {
      token,
      json: { notes: 'x' },
    });
    expect(badPut.status).toBe(400);
    const del = await call(sb, 'DELETE', `/api/appointments/${String(b.id)}`, { token });
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect(
      (
        await call(sb, 'PATCH', `/api/appointments/${String(b.id)}`, {
          token,
          json: { notes: 'x' },
        })
      ).status,
    ).toBe(404);
    expect(sb.data.appointments.get(String(b.id))?.deleted_flag).toBe(true);
  });

  it('leaves deleted appointments out of every list, since included, unless show_archived', async () => {
    const { sb, clock } = testSandbox();
    const token = demoToken(sb);
    const before = '2025-03-12T10:30:00';
    const list = async (query: string) =>
      ((await call(sb, 'GET', `/api/appointments?${query}`, { token })).body as Page).results;
    const today = await list('date=2025-03-12');
    const victim = String(today.find((x) => x.patient !== null)?.id);
    const touched = String(today[3]?.id);
    await clock.advance(60_000);
    expect((await call(sb, 'DELETE', `/api/appointments/${victim}`, { token })).status).toBe(204);
    sb.control.touchAppointment(touched, { notes: 'changed at the other desk' });

    expect((await list(`since=${before}`)).map((x) => x.id)).toEqual([touched]);
    const archived = await list(`since=${before}&show_archived=true`);
    expect(archived.map((x) => x.id).sort()).toEqual([victim, touched].sort());
    expect(archived.find((x) => x.id === victim)?.deleted_flag).toBe(true);
    const byDate = await list('date=2025-03-12');
    expect(byDate.some((x) => x.id === victim)).toBe(false);
    expect(byDate).toHaveLength(today.length - 1);
    expect((await list('date=2025-03-12&show_archived')).some((x) => x.id === victim)).toBe(true);
    expect((await call(sb, 'GET', `/api/appointments/${victim}`, { token })).body).toMatchObject({
      deleted_flag: true,
    });

    // A drchrono whose `since` never reports deletions: only a date list can tell.
    sb.control.setSinceReportsDeletions(false);
    expect((await list(`since=${before}&show_archived=true`)).map((x) => x.id)).toEqual([touched]);
    expect((await list('date=2025-03-12')).some((x) => x.id === victim)).toBe(false);
  });
});
