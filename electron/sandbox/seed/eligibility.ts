import { str, type JsonRecord } from '../model';
import { addDays, formatStamp } from '../time';
import type { SeedContext } from './context';
import { hasInsurance } from './patients';

/**
 * Past eligibility checks for the visits around today (a week back, a week ahead), as a desk that
 * checks insurance a day or two before the visit leaves them: most insured patients come back
 * active, some inactive, a few with no answer the clearinghouse could read. From their own random
 * stream, so the rest of the seed stays as it was.
 */
export function seedEligibility(ctx: SeedContext): void {
  const rng = ctx.rng('eligibility');
  const { db } = ctx;
  const from = addDays(ctx.today, -7);
  const to = addDays(ctx.today, 7);
  for (const appt of db.appointments.all()) {
    if (appt.patient === null || appt.status === 'Cancelled') continue;
    const date = appt.scheduled_time.slice(0, 10);
    if (date < from || date > to || !/^\d+$/.test(appt.id)) continue;
    const patient = db.patients.get(appt.patient);
    if (!patient || !hasInsurance(patient.data.primary_insurance)) continue;
    if (!rng.chance(0.7)) continue;
    const insurance = patient.data.primary_insurance as JsonRecord;
    const eligibility = rng.weighted([
      ['1 - Active Coverage', 80],
      ['6 - Inactive', 12],
      ['', 8],
    ] as const);
    const ranMs = ctx.stamp(addDays(date, -rng.int(1, 3)), rng.int(480, 1020), rng);
    db.eligibilityChecks.create((id) => ({
      id,
      data: {
        patient: patient.id,
        appointment: Number(appt.id),
        cob_level: 'Primary Insurance',
        payer_name: str(insurance.insurance_company),
        eligibility,
        request_service_type: '30',
        service_type_description: 'Health Benefit Plan Coverage',
        query_date: formatStamp(ranMs, db.timezone),
        coverage_subscriber: {
          member_id: str(insurance.insurance_id_number),
          first_name: str(patient.data.first_name),
          last_name: str(patient.data.last_name),
        },
        coverage_details: eligibility.startsWith('1')
          ? { plan_begin: `${ctx.today.slice(0, 4)}-01-01` }
          : {},
      },
      createdMs: ranMs,
      updatedMs: ranMs,
    }));
  }
}
