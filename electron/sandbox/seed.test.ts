import { describe, expect, it } from 'vitest';
import { Db } from './db';
import { appointmentStatuses } from './model';
import { seedDatabase, type SeedOptions } from './seed';
import { wallMinutes } from './time';

const base: SeedOptions = {
  seed: 11,
  today: '2025-03-12',
  timezone: 'America/New_York',
  patientCount: 300,
  weeksBefore: 3,
  weeksAfter: 4,
  canaries: ['CANARY-7f3a9c', 'CANARY-b01d2e'],
};

function seeded(options: Partial<SeedOptions> = {}, useCache = true): Db {
  const db = new Db();
  seedDatabase(db, { ...base, ...options }, useCache);
  return db;
}

describe('seed', () => {
  it('is deterministic from seed and today', () => {
    const a = seeded({}, false).dump();
    const b = seeded({}, false).dump();
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const other = seeded({ seed: 12 }, false).dump();
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(a));
  });

  it('builds a believable practice', () => {
    const db = seeded();
    expect(db.doctors.size).toBe(3);
    expect(db.offices.size).toBe(2);
    for (const office of db.offices.all())
      expect(db.examRooms(office.id).length).toBeGreaterThanOrEqual(3);
    expect(db.patients.size).toBe(300);
    expect(db.profiles.size).toBeGreaterThanOrEqual(8);
    expect(db.templates.size).toBeGreaterThan(0);
    expect(db.tasks.size).toBe(30);
    expect(db.users.all().filter((u) => u.data.is_staff)).toHaveLength(4);
    expect(db.users.all().some((u) => u.data.username === 'frontdesk')).toBe(true);
    const marisol = db.patients
      .all()
      .find((p) => p.data.first_name === 'Marisol' && p.data.last_name === 'Quispe');
    expect(marisol?.data.gender).toBe('Female');
    expect(db.lineItems.size).toBeGreaterThan(500);
    expect(db.payments.size).toBeGreaterThan(100);
    expect(db.transactions.size).toBeGreaterThan(50);
    expect(db.problems.size + db.medications.size + db.allergies.size).toBeGreaterThan(500);
  });

  it("gives each custom demographic a value from that field's allowed values", () => {
    const db = seeded();
    const allowed = new Map(
      db.customDemographics.all().map((f) => [f.id, f.data.allowed_values as string[]]),
    );
    const values = db.patients
      .all()
      .flatMap((p) => p.data.custom_demographics as { field_type: number; value: string }[]);
    expect(values.length).toBeGreaterThan(50);
    for (const { field_type, value } of values) expect(allowed.get(field_type)).toContain(value);
  });

  it('books rooms without overlaps, on weekdays, with every status', () => {
    const db = seeded();
    const all = db.appointments.all();
    const statuses = new Set(all.map((a) => a.status));
    for (const s of appointmentStatuses) expect(statuses).toContain(s);
    const byRoom = new Map<string, [number, number][]>();
    let overlaps = 0;
    for (const a of all) {
      const day = new Date(`${a.scheduled_time.slice(0, 10)}T12:00:00Z`).getUTCDay();
      if (day === 0 || day === 6) overlaps += 1000;
      if (a.status === 'Cancelled') continue;
      const key = `${String(a.office)}/${String(a.exam_room)}`;
      const s = wallMinutes(a.scheduled_time);
      const list = byRoom.get(key) ?? [];
      for (const [x, y] of list) if (s < y && x < s + a.duration) overlaps++;
      list.push([s, s + a.duration]);
      byRoom.set(key, list);
    }
    expect(overlaps).toBe(0);
    const today = all.filter((a) => a.scheduled_time.startsWith('2025-03-12'));
    expect(today.length).toBeGreaterThan(60);
    expect(today.some((a) => a.patient === null)).toBe(true);
    expect(all.some((a) => a.recurring_appointment && a.base_recurring_appointment !== null)).toBe(
      true,
    );
    expect(all.some((a) => a.is_walk_in)).toBe(true);
    expect(new Set(today.map((a) => a.status))).toEqual(
      new Set([
        '',
        'Complete',
        'Arrived',
        'In Room',
        'Confirmed',
        'Not Confirmed',
        'Cancelled',
        'No Show',
        'Checked In',
        'In Session',
      ]),
    );
  });

  it('plants canaries where the desk will show them', () => {
    const db = seeded();
    expect(db.canaries).toHaveLength(2);
    for (const c of db.canaries) {
      const patient = db.patients.get(c.patient);
      expect(patient?.data.address).toContain(c.canary);
      expect(patient?.data.email).toContain(c.canary);
      const visit = db.appointments
        .all()
        .find((a) => a.patient === c.patient && a.notes.includes(c.canary));
      expect((visit?.scheduled_time ?? '') >= '2025-03-12').toBe(true);
    }
    const { canaries: _placements, ...data } = db.dump();
    const text = JSON.stringify(data);
    expect(text.split('CANARY-7f3a9c').length - 1).toBe(4);
  });

  it('stamps seeded records before the start of today', () => {
    const db = seeded();
    const startOfToday = Date.parse('2025-03-12T04:00:00Z');
    for (const a of db.appointments.all()) expect(a.updatedMs).toBeLessThan(startOfToday);
    for (const p of db.patients.all()) expect(p.updatedMs).toBeLessThan(startOfToday);
  });
});

describe('weekend clinic', () => {
  it('staffs three Main Street rooms on weekends only when asked', () => {
    const weekend = (db: Db) =>
      db.appointments
        .all()
        .filter((a) =>
          [0, 6].includes(new Date(`${a.scheduled_time.slice(0, 10)}T12:00:00Z`).getUTCDay()),
        );
    expect(weekend(seeded())).toHaveLength(0);
    const open = weekend(seeded({ weekendClinic: true }));
    expect(open.length).toBeGreaterThan(20);
    for (const a of open) {
      expect(a.office).toBe(520001);
      expect([1, 2, 5]).toContain(a.exam_room);
      expect(a.scheduled_time.slice(11, 16) >= '09:00').toBe(true);
    }
  });
});
