import type { Db, DbDump } from '../db';
import { seedAppointments } from './appointments';
import { seedBilling } from './billing';
import { seedClinical } from './clinical';
import { seedEligibility } from './eligibility';
import { SeedContext, type SeedOptions } from './context';
import { seedPatients } from './patients';
import { payers } from './payers';
import { seedPractice } from './practice';
import { seedTasks } from './tasks';

export type { SeedOptions } from './context';

/**
 * Fills `db` with the demo practice. Everything derives from `seed` and `today`, never from the
 * clock, so the same options give the same data byte for byte.
 */
export function seedDatabase(db: Db, options: SeedOptions, useCache = true): void {
  if (!useCache) {
    build(db, options);
    return;
  }
  const key = JSON.stringify(options);
  const cached = snapshots.get(key);
  if (cached) {
    db.load(cached);
    return;
  }
  build(db, options);
  snapshots.set(key, db.dump());
  // A handful of variants is all a test run uses; keep memory bounded regardless.
  if (snapshots.size > 6) snapshots.delete(snapshots.keys().next().value ?? '');
}

/** Seeded databases by options: tests create many sandboxes from the same few options. */
const snapshots = new Map<string, DbDump>();

function build(db: Db, options: SeedOptions): void {
  db.clear();
  db.timezone = options.timezone;
  db.payers = payers.map(([payer_name, payer_id, state]) => ({ payer_name, payer_id, state }));
  const ctx = new SeedContext(db, options);
  const practice = seedPractice(ctx);
  seedPatients(ctx, practice);
  seedClinical(ctx);
  const { soonPatients } = seedAppointments(ctx, practice);
  seedBilling(ctx, practice);
  seedTasks(ctx, practice);
  seedEligibility(ctx);
  plantCanaries(ctx, soonPatients);
}

/**
 * Canaries go into patients the desk will actually show (today's and the next days' visits), in
 * fields that end up in caches: the address, the email, the emergency contact and a visit note.
 */
function plantCanaries(ctx: SeedContext, soonPatients: number[]): void {
  const { db } = ctx;
  const fallback = db.patients.all().map((p) => p.id);
  const used = new Set<number>();
  ctx.options.canaries.forEach((canary, i) => {
    const id = [...soonPatients, ...fallback].find((p) => !used.has(p)) ?? fallback[i];
    const patient = id === undefined ? undefined : db.patients.get(id);
    if (!patient) return;
    used.add(patient.id);
    patient.data.address = `${String(patient.data.address)} ${canary}`;
    patient.data.email = `${canary}@example.com`;
    patient.data.emergency_contact_name = `${String(patient.data.emergency_contact_name)} ${canary}`;
    const fields = ['patients.address', 'patients.email', 'patients.emergency_contact_name'];
    const visit = db.appointments
      .all()
      .find((a) => a.patient === patient.id && a.scheduled_time >= ctx.today);
    if (visit) {
      visit.notes = `${visit.notes} ${canary}`.trim();
      fields.push(`appointments.notes:${visit.id}`);
    }
    db.canaries.push({ canary, patient: patient.id, fields });
  });
}
