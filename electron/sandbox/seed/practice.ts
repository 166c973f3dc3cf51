import { staffProfiles, type StaffProfile } from '../access';
import type { Doc, ExamRoom } from '../model';
import { profileSeeds, type RoomKind } from './catalog';
import type { SeedContext } from './context';

/** The practice's shape, handed to the later seeding steps. */
export interface Practice {
  doctors: number[];
  /** Doctor user ids by doctor id. */
  doctorUsers: Map<number, number>;
  staffUsers: number[];
  /** The user the demo OAuth flow signs in as. */
  frontDeskUser: number;
  groups: { frontDesk: number; providers: number; billing: number };
  offices: number[];
  /** Profile ids by catalog key. */
  profiles: Map<string, number>;
  /** Who works in which room on a weekday (0 = Monday). */
  staffing(weekDay: number): StaffedRoom[];
  reminderProfile: number;
  flagTypes: number[];
  customDemographics: number[];
}

export interface StaffedRoom {
  office: number;
  room: number;
  kind: RoomKind;
  doctor: number;
  /** Bookable hours, minutes after midnight. */
  open: number;
  close: number;
}

const doctorSeeds = [
  ['Amara', 'Okafor', 'MD', 'Family Medicine', 'Medical Director', '1487652390'],
  ['Jonathan', 'Park', 'DO', 'Internal Medicine', 'Physician', '1326094578'],
  ['Priya', 'Raman', 'MD', 'Pediatrics', 'Pediatrician', '1659310246'],
] as const;

const officeSeeds = [
  {
    name: 'Riverbend Main Street',
    address: '214 Main Street',
    city: 'Kingston',
    zip: '12401',
    phone: '(845) 555-0140',
    fax: '(845) 555-0141',
    hours: ['07:00:00', '19:00:00'],
    rooms: [
      ['Exam 1', 'exam'],
      ['Exam 2', 'exam'],
      ['Exam 3', 'exam'],
      ['Procedure', 'procedure'],
      ['Peds', 'peds'],
    ],
  },
  {
    name: 'Riverbend Northside',
    address: '88 Ulster Avenue, Suite 2',
    city: 'Saugerties',
    zip: '12477',
    phone: '(845) 555-0150',
    fax: '(845) 555-0151',
    hours: ['08:00:00', '18:00:00'],
    rooms: [
      ['Exam A', 'exam'],
      ['Exam B', 'exam'],
      ['Exam C', 'exam'],
      ['Telehealth', 'tele'],
    ],
  },
] as const;

/**
 * Which doctor runs which room (index into `officeSeeds[o].rooms`), by weekday group. Each doctor
 * works in one office a day and runs several rooms there, as family practices do.
 */
// Weekends: a Saturday-and-Sunday walk-in clinic at Main Street, so the demo practice always has a
// day book to show (the desk opens the app on whatever day it is).
const rota: Record<'mwf' | 'tt' | 'weekend', [number, number, number][]> = {
  weekend: [
    [0, 0, 0],
    [0, 1, 1],
    [0, 4, 2],
  ],
  mwf: [
    [0, 0, 0],
    [0, 1, 0],
    [0, 2, 2],
    [0, 3, 0],
    [0, 4, 2],
    [1, 0, 1],
    [1, 1, 1],
    [1, 2, 1],
    [1, 3, 1],
  ],
  tt: [
    [0, 0, 1],
    [0, 1, 1],
    [0, 2, 1],
    [0, 3, 1],
    [0, 4, 2],
    [1, 0, 0],
    [1, 1, 0],
    [1, 2, 0],
    [1, 3, 0],
  ],
};

/** Staff users seeded with the narrower profiles, for tests and the consent page's choice. */
const profileUsers = [
  ['reception', 'Rosa', 'Alvarez', 'front-desk'],
  ['billing', 'Ben', 'Okoro', 'billing-clerk'],
] as const;

export function seedPractice(ctx: SeedContext): Practice {
  const { db } = ctx;
  const rng = ctx.rng('practice');
  const created = ctx.ago(900, 600, rng);
  const doc = (data: Doc['data']) => (id: number) => ({
    id,
    data,
    createdMs: created,
    updatedMs: ctx.ago(rng.int(30, 400), 600, rng),
  });
  const group = db.practiceGroup;

  const doctors = doctorSeeds.map(([first, last, suffix, specialty, title, npi], i) =>
    db.doctors.create(
      doc({
        first_name: first,
        last_name: last,
        suffix,
        specialty,
        job_title: title,
        email: `${first.toLowerCase()}.${last.toLowerCase()}@riverbend.example.com`,
        cell_phone: `(845) 555-01${String(60 + i)}`,
        home_phone: '',
        office_phone: '(845) 555-0140',
        npi_number: npi,
        group_npi_number: '1902873465',
        website: 'https://riverbend.example.com',
        country: 'US',
        timezone: ctx.tz,
        practice_group: group.id,
        practice_group_name: group.name,
        is_account_suspended: false,
        profile_picture: null,
      }),
    ),
  );
  const doctorIds = doctors.map((d) => d.id);
  const [okafor = 0] = doctorIds;

  const doctorUsers = new Map<number, number>();
  doctors.forEach((d) => {
    const user = db.users.create(
      doc({
        username: `dr.${String(d.data.last_name).toLowerCase()}`,
        first_name: d.data.first_name,
        last_name: d.data.last_name,
        doctor: d.id,
        is_doctor: true,
        is_staff: false,
        practice_group: group.id,
        // Doctors, like the two original staff users, can do everything.
        permissions: { ...staffProfiles.admin },
      }),
    );
    doctorUsers.set(d.id, user.id);
  });
  const staff = [
    ['frontdesk', 'Dana', 'Whitaker'],
    ['mgutierrez', 'Miguel', 'Gutierrez'],
  ] as const;
  const staffData = (username: string, first: string, last: string, profile: StaffProfile) => ({
    username,
    first_name: first,
    last_name: last,
    doctor: okafor,
    is_doctor: false,
    is_staff: true,
    practice_group: group.id,
    permissions: { ...staffProfiles[profile] },
  });
  const staffUsers = staff.map(
    ([username, first, last]) => db.users.create(doc(staffData(username, first, last, 'admin'))).id,
  );
  const [frontDeskUser = 0, billingUser = 0] = staffUsers;
  ctx.actingUser = frontDeskUser;
  const groupDoc = (name: string, members: number[]) =>
    db.userGroups.create(doc({ name, members, practice_group: group.id, archived: false })).id;
  const groups = {
    frontDesk: groupDoc('Front Desk', staffUsers),
    providers: groupDoc('Providers', [...doctorUsers.values()]),
    billing: groupDoc('Billing', [billingUser]),
  };

  const offices = officeSeeds.map(
    (o) =>
      db.offices.create(
        doc({
          name: o.name,
          doctor: okafor,
          address: o.address,
          city: o.city,
          state: 'NY',
          zip_code: o.zip,
          country: 'US',
          phone_number: o.phone,
          fax_number: o.fax,
          start_time: o.hours[0],
          end_time: o.hours[1],
          online_scheduling: true,
          online_timeslots: onlineTimeslots(),
          exam_rooms: o.rooms.map(([name], i): ExamRoom => ({
            index: i + 1,
            name,
            online_scheduling: name !== 'Procedure',
          })),
          archived: false,
        }),
      ).id,
  );

  const profiles = new Map<string, number>();
  profileSeeds.forEach((p, i) => {
    const owner = p.key === 'wellchild' ? (doctorIds[2] ?? okafor) : okafor;
    profiles.set(
      p.key,
      db.profiles.create(
        doc({
          doctor: owner,
          name: p.name,
          color: p.color,
          duration: p.duration,
          reason: p.reason,
          online_scheduling: p.online,
          sort_order: i + 1,
          archived: false,
        }),
      ).id,
    );
  });

  const staffing = (weekDay: number): StaffedRoom[] => {
    const weekend = weekDay > 4;
    if (weekend && !ctx.options.weekendClinic) return [];
    return rota[weekend ? 'weekend' : weekDay % 2 === 0 ? 'mwf' : 'tt'].map(([o, r, d]) => {
      const seed = officeSeeds[o];
      const room = seed?.rooms[r];
      if (!seed || !room) throw new Error('rota names a room that does not exist');
      const [open, close] = seed.hours.map((h) => Number(h.slice(0, 2)) * 60);
      return {
        office: offices[o] ?? 0,
        room: r + 1,
        kind: room[1],
        doctor: doctorIds[d] ?? okafor,
        open: weekend ? 9 * 60 : (open ?? 480) + 60,
        close: weekend ? 15 * 60 : (close ?? 1080) - 60,
      };
    });
  };

  // Bookable blocks: a morning and an afternoon template per staffed room and weekday group.
  const mainProfile: Record<string, string> = {
    exam: 'follow',
    procedure: 'procedure',
    peds: 'wellchild',
    tele: 'tele',
  };
  for (const [days, weekDay] of [
    [[0, 2, 4], 0],
    [[1, 3], 1],
  ] as const) {
    for (const room of staffing(weekDay)) {
      const profile = profiles.get(mainProfile[room.kind] ?? 'follow') ?? 0;
      for (const [start, length] of [
        [room.open, 240],
        [13 * 60, Math.min(240, room.close - 13 * 60)],
      ] as const) {
        db.templates.create(
          doc({
            doctor: room.doctor,
            office: room.office,
            exam_room: room.room,
            profile,
            scheduled_time: `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}:00`,
            duration: length,
            week_days: [...days],
            archived: false,
          }),
        );
      }
    }
  }

  const reminderProfile = db.reminderProfiles.create(
    doc({
      doctor: okafor,
      name: 'Standard: text the day before, email two days before',
      reminders: [
        { amount: 1, type: 'sms', unit: 'days' },
        { amount: 2, type: 'email', unit: 'days' },
      ],
    }),
  ).id;
  db.reminderProfiles.create(
    doc({
      doctor: okafor,
      name: 'Procedure: call three days before',
      reminders: [{ amount: 3, type: 'auto_call', unit: 'days' }],
    }),
  );

  for (const [name, desc] of [
    ['Interpreter needed', 'Language the interpreter should speak'],
    ['Transportation', 'Ride arranged through county program'],
  ] as const)
    db.customAppointmentFields.create(
      doc({ doctor: okafor, field_name: name, field_desc: desc, archived: false, order: 1 }),
    );

  const customDemographics = [
    ['Preferred contact method', ['Phone', 'Text', 'Email', 'Mail']],
    ['Veteran status', ['Veteran', 'Not a veteran', 'Declined']],
    ['Advance directive on file', ['Yes', 'No']],
  ].map(
    ([name, values]) =>
      db.customDemographics.create(
        doc({
          doctor: okafor,
          name,
          template_name: String(name).toLowerCase().replace(/\W+/g, '_'),
          allowed_values: values,
          description: '',
          archived: false,
        }),
      ).id,
  );

  const flagTypes = [
    ['Fall risk', '#E53935', 30],
    ['Needs interpreter', '#1E88E5', 20],
    ['Balance in collections', '#6D4C41', 10],
    ['Prefers morning appointments', '#43A047', 5],
  ].map(
    ([name, color, priority]) =>
      db.patientFlagTypes.create(doc({ doctor: okafor, name, color, priority, archived: false }))
        .id,
  );

  // Last, from their own stream: the rest of the seed stays as it was before they existed.
  const profileRng = ctx.rng('staff-profiles');
  for (const [username, first, last, profile] of profileUsers)
    db.users.create((id) => ({
      id,
      data: staffData(username, first, last, profile),
      createdMs: created,
      updatedMs: ctx.ago(profileRng.int(30, 400), 600, profileRng),
    }));

  return {
    doctors: doctorIds,
    doctorUsers,
    staffUsers,
    frontDeskUser,
    groups,
    offices,
    profiles,
    staffing,
    reminderProfile,
    flagTypes,
    customDemographics,
  };
}

/** Online booking windows (legacy format: day 0 = Sunday): weekday mornings and afternoons. */
function onlineTimeslots(): { day: number; hour: number; minute: number }[] {
  const slots: { day: number; hour: number; minute: number }[] = [];
  for (let day = 1; day <= 5; day++)
    for (const hour of [9, 10, 14, 15])
      for (const minute of [0, 30]) slots.push({ day, hour, minute });
  return slots;
}
