import { describe, expect, it } from 'vitest';
import { createPracticeSettingsHandlers } from '../handlers/practice-settings-handlers';
import { createPracticeSettings } from './practice-settings';
import { calendarSetup, callerOf, practice } from './testing/calendar-fixture';

function setup() {
  const fixture = calendarSetup();
  const handlers = createPracticeSettingsHandlers(createPracticeSettings(fixture.services));
  return { ...fixture, call: callerOf(handlers) };
}

describe('calendar settings', () => {
  it('lists active profiles from the cached practice without a call', async () => {
    const { call, client } = setup();
    const reply = await call('profiles:list', {});
    expect(reply.ok && reply.value.map((p) => p.name)).toEqual(['Annual physical']);
    expect(client.calls).toEqual([]);
  });

  it('creates a profile at drchrono, then refreshes the practice', async () => {
    const { call, client, practiceService } = setup();
    client.answers.set('POST /api/appointment_profiles', (c) => ({
      id: 9,
      ...(c.body as object),
    }));
    const profile = {
      name: 'Flu shot',
      color: '#aa3300',
      duration: 10,
      reason: 'Flu shot',
      online_scheduling: false,
    };
    const reply = await call('profiles:create', { profile });
    expect(reply.ok && reply.value).toMatchObject({ id: 9, name: 'Flu shot' });
    expect(client.calls).toEqual([
      { method: 'POST', path: '/api/appointment_profiles', body: profile },
    ]);
    expect(practiceService.refreshes).toBe(1);
  });

  it('says plainly that settings need a connection, and refreshes nothing', async () => {
    const { call, client, practiceService } = setup();
    client.answers.set('PATCH /api/appointment_templates/11', () => ({
      kind: 'network',
      committed: 'unknown',
      message: 'socket hang up',
    }));
    const reply = await call('templates:update', { id: 11, changes: { duration: 120 } });
    expect(!reply.ok && reply.error.code).toBe('offline');
    expect(!reply.ok && reply.error.message).toMatch(/cannot be changed right now/);
    expect(practiceService.refreshes).toBe(0);
  });

  it('keeps drchrono’s field messages for a refused template', async () => {
    const { call, client } = setup();
    client.answers.set('POST /api/appointment_templates', () => ({
      kind: 'http',
      status: 400,
      body: { exam_room: ['Exam room 9 does not exist in this office.'] },
      message: 'Bad request',
    }));
    const reply = await call('templates:create', {
      template: {
        office: 1,
        exam_room: 9,
        profile: 5,
        duration: 60,
        scheduled_time: '09:00',
        week_days: [0],
      },
    });
    expect(!reply.ok && reply.error.fields).toEqual({
      exam_room: 'Exam room 9 does not exist in this office.',
    });
  });

  it('adds an exam room and returns the updated office', async () => {
    const { call, client, practiceService } = setup();
    client.answers.set('POST /api/offices/1/add_exam_room', (c) => ({
      ...practice.offices[0]!,
      exam_rooms: [
        ...practice.offices[0]!.exam_rooms,
        { index: 3, name: (c.body as { name: string }).name },
      ],
    }));
    const reply = await call('offices:addExamRoom', { officeId: 1, name: ' Exam 3 ' });
    expect(reply.ok && reply.value.exam_rooms.map((r) => r.name)).toEqual([
      'Exam 1',
      'Exam 2',
      'Exam 3',
    ]);
    expect(client.calls[0]?.body).toEqual({ name: 'Exam 3' });
    expect(practiceService.refreshes).toBe(1);
  });
});
