import type { AppointmentItem, Book, PatientBrief, Practice } from '../../../shared/contract';
import { addDays, addMinutesToWall, drchronoWeekday } from '../../../shared/time/practice-time';

/** A seeded, deterministic practice and book for the calendar bench (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const first = [
  'Marisol',
  'Dale',
  'Aiyana',
  'Tomasz',
  'Keiko',
  'Oluwaseun',
  'Priya',
  'Henrik',
  'Lucía',
  'Mateo',
  'Grace',
  'Yusuf',
  'Ingrid',
  'Kwame',
  'Sofia',
  'Declan',
];
const last = [
  'Quispe',
  'Whitaker',
  'Redcloud',
  'Nowak',
  'Tanaka',
  'Adeyemi',
  'Raman',
  'Lund',
  'Herrera',
  'Rossi',
  'Okafor',
  'Demir',
  'Berg',
  'Mensah',
  'Costa',
  'Byrne',
];
const statuses = [
  '',
  '',
  'Confirmed',
  'Confirmed',
  'Not Confirmed',
  'Arrived',
  'Checked In',
  'In Room',
  'In Session',
  'Complete',
  'No Show',
];
const colours = [
  '#3a87ad',
  '#c0392b',
  '#27ae60',
  '#8e44ad',
  '#d35400',
  '#16a085',
  '#2c3e50',
  '#b7950b',
];

export const BENCH_TODAY = '2026-11-23'; // a Monday

export function benchPractice(rooms: number): Practice {
  const profiles = [
    'Annual physical',
    'Follow-up',
    'New patient',
    'Sick visit',
    'Vaccination',
    'Well child',
    'Procedure',
    'Telehealth',
  ].map((name, i) => ({
    id: i + 1,
    name,
    color: colours[i] ?? '#3a87ad',
    duration: [30, 15, 45, 20, 10, 30, 60, 20][i] ?? 30,
    reason: name,
    archived: false,
  }));
  return {
    timezone: 'America/New_York',
    practiceName: 'Riverbend Family Medicine',
    today: BENCH_TODAY,
    user: {
      id: 1,
      username: 'frontdesk',
      doctor: 1,
      is_doctor: false,
      is_staff: true,
      practice_group: 1,
    },
    users: [],
    userGroups: [],
    doctors: [
      { id: 1, first_name: 'Amara', last_name: 'Okafor', timezone: 'America/New_York' },
      { id: 2, first_name: 'Jonathan', last_name: 'Park', timezone: 'America/New_York' },
      { id: 3, first_name: 'Priya', last_name: 'Raman', timezone: 'America/New_York' },
    ],
    offices: [
      {
        id: 1,
        name: 'Riverbend Main Street',
        doctor: 1,
        start_time: '07:00:00',
        end_time: '19:00:00',
        exam_rooms: Array.from({ length: rooms }, (_, i) => ({
          index: i + 1,
          name: i === 0 ? 'Procedure' : `Exam ${i + 1}`,
          online_scheduling: false,
        })),
      },
    ],
    profiles,
    templates: Array.from({ length: Math.min(rooms, 6) }, (_, i) => ({
      id: 100 + i,
      office: 1,
      exam_room: i + 1,
      profile: (i % profiles.length) + 1,
      doctor: (i % 3) + 1,
      duration: 180,
      scheduled_time: i % 2 === 0 ? '08:00:00' : '13:00:00',
      week_days: [0, 1, 2, 3, 4],
    })),
    fetchedAt: 1,
  };
}

export interface BenchBook {
  book: Book;
  patients: PatientBrief[];
}

/**
 * `count` appointments spread over the rooms of `days` weekdays from the bench's Monday, back to
 * back with small gaps, between 07:00 and 19:00. Room 1 keeps 12:00–13:00 free on the first day
 * (the drop target of the drag bench).
 */
export function benchBook(rooms: number, count: number, days = 1, seed = 7): BenchBook {
  const rand = prng(seed);
  const patients: PatientBrief[] = [];
  const appointments: AppointmentItem[] = [];
  const perDay = Math.ceil(count / days);
  let id = 1;
  for (let d = 0; d < days && appointments.length < count; d++) {
    let date = addDays(BENCH_TODAY, d);
    while (drchronoWeekday(date) > 4) date = addDays(date, 1);
    const perRoom = Math.ceil(perDay / rooms);
    for (let room = 1; room <= rooms && appointments.length < count; room++) {
      let t = `${date}T07:00:00`;
      // Dense enough to fit perRoom visits into the twelve-hour day.
      const slot = Math.floor((12 * 60) / perRoom);
      for (let k = 0; k < perRoom && appointments.length < count; k++) {
        const duration = Math.max(
          5,
          Math.min(slot, [15, 20, 30, 45][Math.floor(rand() * 4)] ?? 15),
        );
        if (room === 1 && d === 0 && t >= `${date}T11:45:00` && t < `${date}T13:00:00`)
          t = `${date}T13:00:00`;
        if (t >= `${date}T19:00:00`) break;
        const brk = rand() < 0.04;
        const patientId = 1000 + id;
        if (!brk) {
          patients.push({
            id: patientId,
            first_name: first[Math.floor(rand() * first.length)] ?? 'Ana',
            last_name: last[Math.floor(rand() * last.length)] ?? 'Diaz',
            date_of_birth: `19${String(40 + Math.floor(rand() * 60))}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
            cell_phone: `(845) 555-${String(1000 + id).slice(-4)}`,
          });
        }
        const status = statuses[Math.floor(rand() * statuses.length)] ?? '';
        appointments.push({
          id: String(id),
          doctor: (room % 3) + 1,
          office: 1,
          exam_room: room,
          patient: brk ? null : patientId,
          scheduled_time: t,
          duration,
          status: brk ? '' : status,
          reason: brk ? 'Lunch' : null,
          notes: rand() < 0.2 ? 'Bring previous lab results.' : '',
          color: null,
          profile: brk ? null : 1 + Math.floor(rand() * 8),
          is_walk_in: rand() < 0.05,
          recurring_appointment: rand() < 0.05,
          reminders: rand() < 0.3 ? [{ id: id, scheduled_time: t, type: 'sms' }] : [],
          status_since:
            status === 'Arrived' || status === 'Checked In' ? addMinutesToWall(t, -10) : null,
        });
        id++;
        t = addMinutesToWall(t, duration + (rand() < 0.3 ? 5 : 0));
      }
    }
  }
  return {
    book: {
      appointments,
      patients: Object.fromEntries(patients.map((p) => [String(p.id), p])),
      fetchedAt: 1,
      source: 'cache',
    },
    patients,
  };
}
