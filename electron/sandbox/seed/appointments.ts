import type { Appointment, AppointmentStatus, Doc } from '../model';
import type { Prng } from '../prng';
import { addDays, wallAt, wallFromMinutes, wallMinutes, weekDay } from '../time';
import { profileSeeds, type ProfileSeed, type RoomKind } from './catalog';
import type { SeedContext } from './context';
import { ageOn } from './patients';
import type { Practice, StaffedRoom } from './practice';

const notes = [
  'Bring current medication list.',
  'Patient asked for a female chaperone.',
  'Follow-up on blood pressure readings from home.',
  'Needs school sports form completed.',
  'Fasting labs: nothing to eat after midnight.',
  'Interpreter requested (Spanish).',
  'Wheelchair access needed.',
  "Discuss results of last week's labs.",
  'Running late? Patient will call ahead.',
  'Prior authorization pending for MRI.',
];

interface Series {
  weekDay: number;
  slot: number;
  start: number;
  patient: number;
  profile: ProfileSeed;
  base?: number;
}

export interface SeedAppointmentsResult {
  /** Patients with a (non-break) appointment on or soon after today, earliest first. */
  soonPatients: number[];
}

export function seedAppointments(ctx: SeedContext, practice: Practice): SeedAppointmentsResult {
  const rng = ctx.rng('appointments');
  const { db, today } = ctx;
  const active = db.patients.all().filter((p) => p.data.patient_status === 'A');
  const kids = active.filter((p) => ageOn(String(p.data.date_of_birth), today) < 18);
  const adults = active.filter((p) => ageOn(String(p.data.date_of_birth), today) >= 18);
  const byKey = new Map(profileSeeds.map((p) => [p.key, p]));
  const allergy = byKey.get('allergy');
  const follow = byKey.get('follow');
  if (!allergy || !follow) throw new Error('catalog lacks the recurring profiles');
  const series: Series[] = [0, 1, 2, 3, 4].map((i) => ({
    weekDay: i % 5,
    slot: i % 2,
    start: i < 3 ? 8 * 60 + 15 * i : 16 * 60,
    patient: rng.pick<Doc>(adults).id,
    profile: i < 3 ? allergy : follow,
  }));
  const soon: { time: string; patient: number }[] = [];
  const pools = new Map<string, Doc[]>();
  const ownPool = (peds: boolean, doctor: number): Doc[] => {
    const key = `${String(peds)}/${String(doctor)}`;
    let pool = pools.get(key);
    if (!pool) {
      pool = (peds ? kids : adults).filter((p) => p.data.doctor === doctor);
      pools.set(key, pool);
    }
    return pool;
  };
  const first = addDays(today, -7 * ctx.options.weeksBefore);
  const last = addDays(today, 7 * ctx.options.weeksAfter);
  const weekAhead = addDays(today, 7);

  for (let date = first; date <= last; date = addDays(date, 1)) {
    const wd = weekDay(date);
    practice.staffing(wd).forEach((room, slot) => {
      const taken: [number, number][] = [];
      const add = (
        fields: Partial<Appointment> & { start: number; duration: number },
      ): Appointment => {
        const { start, ...rest } = fields;
        taken.push([start, start + fields.duration]);
        const record = makeAppointment(ctx, rng, room, date, start, rest);
        if (record.patient !== null && date >= today && date <= weekAhead)
          soon.push({ time: record.scheduled_time, patient: record.patient });
        return db.appointments.insert(record);
      };
      const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
      // Lunch: a break (null patient) in the doctor's first room of the day.
      const firstRoomOfDoctor =
        practice.staffing(wd).findIndex((r) => r.doctor === room.doctor) === slot;
      if (firstRoomOfDoctor)
        add({
          start: 12 * 60,
          duration: 60,
          patient: null,
          reason: 'Lunch',
          color: '#BDBDBD',
          profile: null,
        });
      for (const s of series)
        if (s.weekDay === wd && s.slot === slot && room.kind === 'exam') {
          const appt = add({
            start: s.start,
            duration: s.profile.duration,
            patient: s.patient,
            profile: practice.profiles.get(s.profile.key) ?? null,
            reason: s.profile.reason,
            color: s.profile.color,
            recurring_appointment: true,
          });
          s.base ??= Number(appt.id);
          appt.base_recurring_appointment = s.base;
        }
      const target = rng.int(8, 14);
      let t = room.open;
      while (taken.length < target) {
        const profile = pickProfile(rng, room.kind);
        const duration = rng.chance(0.1) ? rng.pick([15, 30, 45, 60]) : profile.duration;
        const clash = taken.find(([a, b]) => t < b && t + duration > a);
        if (clash) {
          t = clash[1];
          continue;
        }
        if (t + duration > room.close) break;
        if (free(t, t + duration)) {
          const pool = room.kind === 'peds' ? kids : adults;
          const own = ownPool(room.kind === 'peds', room.doctor);
          const patient = rng.chance(0.6) && own.length > 0 ? rng.pick(own) : rng.pick(pool);
          add({
            start: t,
            duration,
            patient: patient.id,
            profile: practice.profiles.get(profile.key) ?? null,
            reason: profile.reason,
            color: profile.color,
            is_walk_in: profile.key === 'sick' && date <= today && rng.chance(0.25),
          });
        }
        t +=
          duration +
          rng.weighted([
            [0, 50],
            [15, 30],
            [30, 15],
            [45, 5],
          ] as const);
      }
    });
  }
  ensureEveryStatus(ctx);
  soon.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return { soonPatients: [...new Set(soon.map((s) => s.patient))] };
}

function pickProfile(rng: Prng, kind: RoomKind): ProfileSeed {
  const options = profileSeeds
    .filter((p) => p.rooms[kind] !== undefined && p.key !== 'allergy')
    .map((p) => [p, p.rooms[kind] ?? 0] as const);
  return rng.weighted(options);
}

function statusFor(rng: Prng, date: string, today: string, start: number): AppointmentStatus {
  if (date < today)
    return rng.weighted<AppointmentStatus>([
      ['Complete', 76],
      ['No Show', 7],
      ['Cancelled', 8],
      ['Rescheduled', 4],
      ['Confirmed', 2],
      ['', 3],
    ]);
  if (date > today)
    return rng.weighted<AppointmentStatus>([
      ['Confirmed', 45],
      ['Not Confirmed', 43],
      ['', 5],
      ['Cancelled', 5],
      ['Rescheduled', 2],
    ]);
  if (start < 10 * 60)
    return rng.weighted<AppointmentStatus>([
      ['Complete', 85],
      ['No Show', 10],
      ['Cancelled', 5],
    ]);
  if (start < 11 * 60 + 30)
    return rng.weighted<AppointmentStatus>([
      ['In Session', 25],
      ['In Room', 25],
      ['Checked In', 25],
      ['Arrived', 25],
    ]);
  return rng.weighted<AppointmentStatus>([
    ['Confirmed', 55],
    ['Not Confirmed', 30],
    ['Arrived', 5],
    ['Cancelled', 5],
    ['', 5],
  ]);
}

function makeAppointment(
  ctx: SeedContext,
  rng: Prng,
  room: StaffedRoom,
  date: string,
  start: number,
  fields: Partial<Appointment> & { duration: number },
): Appointment {
  const isBreak = fields.patient === null;
  const status = isBreak ? '' : statusFor(rng, date, ctx.today, start);
  const scheduled = wallAt(date, start);
  const created = ctx.stamp(addDays(date, -rng.int(1, 30)), rng.int(480, 1080), rng);
  const progressed =
    date < ctx.today ||
    (date === ctx.today && status !== '' && status !== 'Confirmed' && status !== 'Not Confirmed');
  const updated = Math.max(
    created,
    progressed
      ? ctx.stamp(date, start + fields.duration + rng.int(0, 90), rng)
      : ctx.stamp(addDays(date, -rng.int(0, 6)), rng.int(480, 1080), rng),
  );
  const minutes = wallMinutes(scheduled);
  const visited = status === 'Complete' || status === 'In Session';
  return {
    id: ctx.db.appointments.allocate(),
    doctor: room.doctor,
    office: room.office,
    exam_room: room.room,
    patient: null,
    scheduled_time: scheduled,
    status,
    reason: '',
    notes: !isBreak && rng.chance(0.25) ? rng.pick(notes) : '',
    color: '',
    profile: null,
    is_walk_in: false,
    recurring_appointment: false,
    base_recurring_appointment: null,
    billing_status: '',
    reminders:
      !isBreak && rng.chance(0.8)
        ? [
            {
              id: ctx.db.reminderSeq++,
              scheduled_time: wallFromMinutes(minutes - 2 * 1440),
              type: 'email',
            },
            {
              id: ctx.db.reminderSeq++,
              scheduled_time: wallFromMinutes(minutes - 1440),
              type: 'sms',
            },
          ]
        : [],
    vitals: visited ? vitals(rng) : {},
    custom_vitals: [],
    custom_fields: [],
    clinical_note: visited ? { locked: status === 'Complete', pdf: null } : null,
    icd10_codes: [],
    icd9_codes: [],
    first_billed_date: null,
    last_billed_date: null,
    allow_overlapping: false,
    cloned_from: null,
    deleted_flag: false,
    createdMs: created,
    updatedMs: updated,
    extra: {},
    ...fields,
  };
}

function vitals(rng: Prng): Record<string, unknown> {
  return {
    height: rng.int(590, 750) / 10,
    weight: rng.int(110, 240),
    bmi: rng.int(190, 340) / 10,
    blood_pressure_1: rng.int(105, 150),
    blood_pressure_2: rng.int(65, 95),
    temperature: rng.int(975, 1002) / 10,
    pulse: rng.int(58, 98),
    respiratory_rate: rng.int(12, 20),
    oxygen_saturation: rng.int(94, 100),
    pain: rng.int(0, 4),
  };
}

/** Every v4 status appears at least once, so the UI's legend and filters have something to show. */
function ensureEveryStatus(ctx: SeedContext): void {
  const all = ctx.db.appointments.all().filter((a) => a.patient !== null);
  const seen = new Set(all.map((a) => a.status));
  const todays = all.filter(
    (a) => a.scheduled_time.startsWith(ctx.today) && a.status !== 'Cancelled',
  );
  const pool = todays.length > 0 ? todays : all;
  let i = 0;
  for (const status of [
    '',
    'Arrived',
    'Checked In',
    'In Room',
    'Cancelled',
    'Complete',
    'Confirmed',
    'In Session',
    'No Show',
    'Not Confirmed',
    'Rescheduled',
  ] as const) {
    if (seen.has(status)) continue;
    const target = pool[(i++ * 7) % pool.length];
    if (target) target.status = status;
  }
}
