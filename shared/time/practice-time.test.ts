import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addMinutesToWall,
  drchronoWeekday,
  elapsedMinutes,
  instantToWall,
  normalizeWall,
  parseWall,
  practiceDayLengthMinutes,
  todayIn,
  wallToInstant,
} from './practice-time';

// Results must not depend on the machine's zone: the whole suite runs under several process TZ
// values (Node re-reads TZ when it is assigned), including ones with their own, different DST days.
const NY = 'America/New_York';
const machineZones = [
  'UTC',
  'Asia/Tokyo',
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Lord_Howe',
];

describe.each(machineZones)('practice time on a machine in %s', (machineZone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = machineZone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it('really runs in that machine zone', () => {
    const offset = new Date('2026-07-01T00:00:00Z').getTimezoneOffset();
    expect(machineZone === 'UTC' ? offset === 0 : offset !== 0).toBe(true);
  });

  it('maps a New York wall time to the right instant in winter and summer', () => {
    expect(new Date(wallToInstant('2026-11-23T09:30:00', NY)).toISOString()).toBe(
      '2026-11-23T14:30:00.000Z',
    );
    expect(new Date(wallToInstant('2026-07-01T09:30:00', NY)).toISOString()).toBe(
      '2026-07-01T13:30:00.000Z',
    );
  });

  it('reads the practice wall time back from an instant', () => {
    expect(instantToWall(Date.parse('2026-11-23T14:30:00Z'), NY)).toBe('2026-11-23T09:30:00');
    expect(instantToWall(Date.parse('2026-11-23T03:30:00Z'), 'Asia/Tokyo')).toBe(
      '2026-11-23T12:30:00',
    );
  });

  it("knows the practice's today even when the machine is already in tomorrow", () => {
    // 02:00 UTC on the 23rd is still the 22nd in New York.
    expect(todayIn(NY, Date.parse('2026-11-23T02:00:00Z'))).toBe('2026-11-22');
  });

  it('handles the fall-back day (25 hours) and the spring-forward day (23 hours)', () => {
    expect(practiceDayLengthMinutes('2026-11-01', NY)).toBe(25 * 60);
    expect(practiceDayLengthMinutes('2026-03-08', NY)).toBe(23 * 60);
    expect(practiceDayLengthMinutes('2026-11-22', NY)).toBe(24 * 60);
    // 01:00 → 03:00 on the fall-back day is three real hours.
    expect(elapsedMinutes('2026-11-01T01:00:00', '2026-11-01T03:00:00', NY)).toBe(180);
    // A time inside the spring gap moves forward instead of throwing.
    const gap = wallToInstant('2026-03-08T02:30:00', NY);
    expect(instantToWall(gap, NY)).toBe('2026-03-08T03:30:00');
  });

  it('does calendar arithmetic without a zone', () => {
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(addDays('2026-03-08', -1)).toBe('2026-03-07');
    expect(addMinutesToWall('2026-11-01T01:30:00', 60)).toBe('2026-11-01T02:30:00');
    expect(normalizeWall('2026-11-22T09:30')).toBe('2026-11-22T09:30:00');
    expect(drchronoWeekday('2026-11-23')).toBe(0); // a Monday
    expect(drchronoWeekday('2026-11-22')).toBe(6); // a Sunday
  });

  it('refuses timestamps carrying Z or an offset', () => {
    expect(() => parseWall('2026-11-22T09:30:00Z')).toThrow(RangeError);
    expect(() => parseWall('2026-11-22T09:30:00-05:00')).toThrow(RangeError);
  });
});
