import { describe, expect, it } from 'vitest';
import { openingFromOpenSlots, openingFromTemplates } from './openings';
import { expandTemplates, type TemplateLike } from './templates';

const NY = 'America/New_York';
const office = { id: 1, start_time: '08:00:00', end_time: '17:00:00' };
const profile = { id: 5, duration: 30 };

const templates: TemplateLike[] = [
  // Mondays and Wednesdays, 09:00-12:00 in room 1.
  {
    id: 11,
    office: 1,
    exam_room: 1,
    profile: 5,
    doctor: 7,
    duration: 180,
    scheduled_time: '09:00:00',
    week_days: [0, 2],
  },
  // Mondays 13:00-15:00 in room 2, another profile.
  {
    id: 12,
    office: 1,
    exam_room: 2,
    profile: 6,
    doctor: 7,
    duration: 120,
    scheduled_time: '13:00:00',
    week_days: [0],
  },
  // Sundays, archived: never shown.
  {
    id: 13,
    office: 1,
    exam_room: 1,
    profile: 5,
    duration: 60,
    scheduled_time: '09:00:00',
    week_days: [6],
    archived: true,
  },
  // Another office.
  {
    id: 14,
    office: 2,
    exam_room: 1,
    profile: 5,
    duration: 60,
    scheduled_time: '08:00:00',
    week_days: [0, 1, 2, 3, 4],
  },
];

describe('template expansion', () => {
  it('puts each template on its week days (0 = Monday), in time order', () => {
    // 2026-11-22 is a Sunday, the 23rd a Monday, the 25th a Wednesday.
    const blocks = expandTemplates(
      templates,
      { start: '2026-11-22', end: '2026-11-25' },
      { officeId: 1 },
    );
    expect(blocks.map((b) => `${b.templateId} ${b.start}-${b.end.slice(11)}`)).toEqual([
      '11 2026-11-23T09:00:00-12:00:00',
      '12 2026-11-23T13:00:00-15:00:00',
      '11 2026-11-25T09:00:00-12:00:00',
    ]);
    expect(blocks[1]).toMatchObject({ profileId: 6, examRoom: 2, doctor: 7, date: '2026-11-23' });
  });

  it('keeps wall times on DST change days', () => {
    const blocks = expandTemplates(
      templates,
      { start: '2026-11-02', end: '2026-11-02' },
      { officeId: 1 },
    );
    expect(blocks[0]?.start).toBe('2026-11-02T09:00:00');
    const sunday: TemplateLike = {
      ...templates[0]!,
      week_days: [6],
      scheduled_time: '01:00:00',
      duration: 120,
    };
    expect(expandTemplates([sunday], { start: '2026-11-01', end: '2026-11-01' })[0]).toMatchObject({
      start: '2026-11-01T01:00:00',
      end: '2026-11-01T03:00:00',
    });
  });
});

describe('earliest opening from templates and the cached book', () => {
  it('skips booked time and anything before `from`, on the 5-minute grid', () => {
    const appointments = [
      { id: 'a', office: 1, exam_room: 1, scheduled_time: '2026-11-23T09:00:00', duration: 45 },
      { id: 'b', office: 1, exam_room: 1, scheduled_time: '2026-11-23T10:00:00', duration: 30 },
      // A cancelled one does not take the room.
      {
        id: 'c',
        office: 1,
        exam_room: 1,
        scheduled_time: '2026-11-23T10:30:00',
        duration: 30,
        status: 'Cancelled',
      },
    ];
    const q = { date: '2026-11-23', profile, office, templates, appointments, zone: NY };
    expect(openingFromTemplates({ ...q, from: '2026-11-23T08:00:00' })).toEqual({
      start: '2026-11-23T10:30:00',
      end: '2026-11-23T11:00:00',
      examRoom: 1,
      templateId: 11,
    });
    // 09:45-10:00 is only 15 minutes: too short. From 10:32 the grid gives 10:35.
    expect(openingFromTemplates({ ...q, from: '2026-11-23T10:32:00' })?.start).toBe(
      '2026-11-23T10:35:00',
    );
    expect(openingFromTemplates({ ...q, from: '2026-11-23T11:40:00' })).toBeNull();
    // Tuesday: no template for this profile.
    expect(
      openingFromTemplates({ ...q, date: '2026-11-24', from: '2026-11-24T00:00:00' }),
    ).toBeNull();
  });

  it('stays inside office hours', () => {
    const early: TemplateLike = { ...templates[0]!, scheduled_time: '06:00:00', duration: 150 };
    expect(
      openingFromTemplates({
        date: '2026-11-23',
        profile,
        office,
        templates: [early],
        appointments: [],
        from: '2026-11-23T00:00:00',
      })?.start,
    ).toBe('2026-11-23T08:00:00');
  });
});

describe("earliest opening from drchrono's open_slots", () => {
  it('reads full or bare slot times and checks them against our own unsent bookings', () => {
    const withSlots = [
      {
        ...templates[0]!,
        open_slots: [
          { start: '2026-11-23T09:00:00', end: '2026-11-23T09:40:00' },
          { start: '10:00:00', end: '12:00:00' },
        ],
      },
    ];
    const base = {
      date: '2026-11-23',
      profile,
      office,
      templates: withSlots,
      from: '2026-11-23T08:00:00',
    };
    expect(openingFromOpenSlots({ ...base, appointments: null })?.start).toBe(
      '2026-11-23T09:00:00',
    );
    const ours = [
      { id: 'x', office: 1, exam_room: 1, scheduled_time: '2026-11-23T09:00:00', duration: 30 },
    ];
    expect(openingFromOpenSlots({ ...base, appointments: ours })).toEqual({
      start: '2026-11-23T10:00:00',
      end: '2026-11-23T10:30:00',
      examRoom: 1,
      templateId: 11,
    });
    expect(openingFromOpenSlots({ ...base, appointments: null, examRoom: 2 })).toBeNull();
  });
});
