import { addDays, formatStamp } from '../time';
import type { SeedContext } from './context';
import type { Practice } from './practice';

/**
 * Task formats behind "click link for format", as the sandbox stores them:
 * - `due_date`: `{"due_date": "YYYY-MM-DD", "due_time": "HH:MM:SS" | null}`, or null for no due date;
 * - `notes`: `[{"text", "created_at", "created_by"}]`;
 * - `associated_items`: `[{"type": "patient" | "appointment", "id"}]` (appointment ids are strings).
 */
export function seedTasks(ctx: SeedContext, practice: Practice): void {
  const rng = ctx.rng('tasks');
  const { db } = ctx;
  const created = ctx.ago(500, 600, rng);
  const base = { createdMs: created, updatedMs: created };
  const category = (name: string) =>
    db.taskCategories.create((id) => ({
      id,
      ...base,
      data: { name, archived: false, is_global: false, practice_group: db.practiceGroup.id },
    })).id;
  const cats = {
    refills: category('Refill requests'),
    labs: category('Lab results'),
    referrals: category('Referrals'),
    auth: category('Prior authorization'),
    billing: category('Billing'),
    phone: category('Phone messages'),
  };
  const status = (name: string, cat: 'O' | 'P' | 'H' | 'C') =>
    db.taskStatuses.create((id) => ({
      id,
      ...base,
      data: {
        name,
        status_category: cat,
        task_category: null,
        archived: false,
        practice_group: db.practiceGroup.id,
      },
    })).id;
  const statuses = {
    open: status('Open', 'O'),
    progress: status('In progress', 'P'),
    waitPatient: status('Waiting on patient', 'H'),
    waitPayer: status('Waiting on insurer', 'H'),
    done: status('Done', 'C'),
  };
  for (const [name, title, cat, priority, offset, note] of [
    [
      'Refill request',
      'Refill request',
      cats.refills,
      20,
      '1 00:00:00',
      'Check last visit and labs before refilling.',
    ],
    ['Lab follow-up', 'Call patient with lab results', cats.labs, 30, '2 00:00:00', ''],
    [
      'Referral',
      'Send referral',
      cats.referrals,
      20,
      '3 00:00:00',
      'Attach last visit note and insurance card.',
    ],
    ['Call back', 'Call patient back', cats.phone, 20, '04:00:00', ''],
  ] as const)
    db.taskTemplates.create((id) => ({
      id,
      ...base,
      data: {
        name,
        default_title: title,
        default_note: note,
        default_priority: priority,
        default_status: statuses.open,
        default_assignee_user: null,
        default_assignee_group: practice.groups.frontDesk,
        defatul_category: cat,
        default_due_date_offset: offset,
        archived: false,
        practice_group: db.practiceGroup.id,
      },
    }));

  const patients = db.patients.all().filter((p) => p.data.patient_status === 'A');
  const meds = db.medications.all();
  const upcoming = db.appointments
    .all()
    .filter((a) => a.patient !== null && a.scheduled_time >= ctx.today);
  const users = [...practice.doctorUsers.values(), ...practice.staffUsers];
  const kinds = [
    [cats.refills, (n: string) => `Refill request: ${n}`],
    [cats.labs, (n: string) => `Call ${n} with lab results`],
    [cats.referrals, (n: string) => `Referral to cardiology for ${n}`],
    [cats.auth, (n: string) => `Prior authorization for MRI (${n})`],
    [cats.billing, (n: string) => `Insurance card update needed: ${n}`],
    [cats.phone, (n: string) => `${n} asked for a call back about forms`],
  ] as const;
  for (let i = 0; i < 30; i++) {
    const patient = rng.pick(patients);
    const name = `${String(patient.data.first_name)} ${String(patient.data.last_name)}`;
    const [cat, title] = rng.pick(kinds);
    const med = meds.find((m) => m.data.patient === patient.id);
    const appt = upcoming.find((a) => a.patient === patient.id);
    const due = rng.chance(0.15)
      ? null
      : {
          due_date: addDays(ctx.today, rng.int(-5, 10)),
          due_time: rng.chance(0.4) ? `${String(rng.int(9, 16)).padStart(2, '0')}:00:00` : null,
        };
    const createdMs = ctx.ago(rng.int(1, 20), rng.int(480, 1080), rng);
    const author = rng.pick(users);
    const st = rng.weighted([
      [statuses.open, 40],
      [statuses.progress, 20],
      [statuses.waitPatient, 10],
      [statuses.waitPayer, 8],
      [statuses.done, 22],
    ] as const);
    const toGroup = rng.chance(0.3);
    db.tasks.create((id) => ({
      id,
      createdMs,
      updatedMs: Math.max(createdMs, ctx.ago(rng.int(0, 3), rng.int(480, 1080), rng)),
      data: {
        title: title(name) + (cat === cats.refills && med ? ` (${String(med.data.name)})` : ''),
        status: st,
        category: cat,
        priority: rng.weighted([
          [10, 20],
          [20, 50],
          [30, 22],
          [40, 8],
        ] as const),
        assignee_user: toGroup ? null : rng.pick(users),
        assignee_group: toGroup
          ? rng.pick([
              practice.groups.frontDesk,
              practice.groups.providers,
              practice.groups.billing,
            ])
          : null,
        due_date: due,
        notes: rng.chance(0.6)
          ? [
              {
                text: rng.pick([
                  'Left voicemail.',
                  'Patient prefers text messages.',
                  'Pharmacy faxed the request.',
                  'Waiting on records from the hospital.',
                ]),
                created_at: formatStamp(createdMs, ctx.tz),
                created_by: author,
              },
            ]
          : [],
        associated_items: [
          { type: 'patient', id: patient.id },
          ...(appt && rng.chance(0.5) ? [{ type: 'appointment', id: appt.id }] : []),
        ],
        archived: st === statuses.done && rng.chance(0.3),
        created_by: author,
      },
    }));
  }
}
