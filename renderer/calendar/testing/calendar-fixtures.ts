import type {
  AppointmentItem,
  Book,
  PatientBrief,
  Practice,
  Prefs,
} from '../../../shared/contract';
import { ok } from '../../../shared/result';
import { createFakeApi, type FakeHandlers } from '../../bridge/fake-api';

/** A small practice in New York for component tests: one office, three rooms, two profiles. */
export const testPractice: Practice = {
  timezone: 'America/New_York',
  practiceName: 'Riverbend Family Medicine',
  today: '2026-11-23',
  user: { id: 1, username: 'desk', doctor: 7, is_doctor: false, is_staff: true, practice_group: 1 },
  users: [],
  userGroups: [],
  doctors: [{ id: 7, first_name: 'Amara', last_name: 'Okafor', timezone: 'America/New_York' }],
  offices: [
    {
      id: 1,
      name: 'Main Street',
      doctor: 7,
      start_time: '08:00:00',
      end_time: '17:00:00',
      exam_rooms: [
        { index: 1, name: 'Room 1' },
        { index: 2, name: 'Room 2' },
        { index: 3, name: 'Room 3' },
      ],
    },
  ],
  profiles: [
    { id: 5, name: 'Annual physical', color: '#3a87ad', duration: 30, reason: 'Annual physical' },
    { id: 6, name: 'Flu shot', color: '#c0392b', duration: 10, reason: 'Flu shot' },
  ],
  templates: [],
  fetchedAt: 1,
};

export const testPatients: PatientBrief[] = [
  {
    id: 42,
    first_name: 'Marisol',
    last_name: 'Quispe',
    date_of_birth: '1984-03-02',
    cell_phone: '(845) 555-0101',
  },
  {
    id: 43,
    first_name: 'Dale',
    last_name: 'Whitaker',
    date_of_birth: '1961-11-30',
    cell_phone: '(845) 555-0102',
  },
];

export function testAppointment(over: Partial<AppointmentItem> = {}): AppointmentItem {
  return {
    id: '900',
    doctor: 7,
    office: 1,
    exam_room: 2,
    patient: 42,
    scheduled_time: '2026-11-23T09:30:00',
    duration: 30,
    status: 'Arrived',
    reason: 'Annual physical',
    profile: 5,
    notes: '',
    ...over,
  };
}

export const testPrefs: Prefs = {
  calendar: { view: 'rooms', officeId: 1, doctorId: null, slotMinutes: 15 },
  cache: { daysBefore: 1, daysAfter: 7 },
  lock: { idleMinutes: 10 },
  budget: { hourlyQuota: 500, share: 0.5 },
};

/** A fake main holding a book: updates change it, as main's book would. */
export function calendarFake(appointments: AppointmentItem[], more: FakeHandlers = {}) {
  const book = new Map(appointments.map((a) => [a.id, a]));
  const patients = Object.fromEntries(testPatients.map((p) => [String(p.id), p]));
  const current = (): Book => ({
    appointments: [...book.values()],
    patients,
    fetchedAt: 1,
    source: 'cache',
  });
  const fake = createFakeApi({
    'prefs:get': () => ok(testPrefs),
    'prefs:set': () => ok(testPrefs),
    'practice:get': () => ok(testPractice),
    'appointments:list': () => ok(current()),
    'appointments:update': (r) => {
      const next = { ...(book.get(r.id) as AppointmentItem), ...r.changes } as AppointmentItem;
      book.set(r.id, next);
      return ok({ appointment: next, state: 'saved' as const });
    },
    'patients:search': (r) =>
      ok({
        results: testPatients.filter((p) =>
          `${p.first_name} ${p.last_name}`.toLowerCase().includes((r.text ?? '').toLowerCase()),
        ),
        source: 'cache' as const,
        page: 1,
        hasMore: false,
      }),
    ...more,
  });
  return { fake, book };
}
