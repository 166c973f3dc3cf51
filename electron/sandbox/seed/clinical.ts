import { addDays } from '../time';
import { allergies, problems } from './clinical-catalog';
import type { SeedContext } from './context';
import { ageOn } from './patients';

/** Problems, medications for them, and allergies for many patients. */
export function seedClinical(ctx: SeedContext): void {
  const rng = ctx.rng('clinical');
  const { db } = ctx;
  for (const patient of db.patients.all()) {
    const age = ageOn(String(patient.data.date_of_birth), ctx.today);
    const doctor = Number(patient.data.doctor);
    const stamp = () => ctx.ago(rng.int(3, 700), rng.int(480, 1080), rng);
    for (const problem of problems) {
      if (age < problem.minAge || !rng.chance(0.16 + age / 400)) continue;
      const diagnosed = addDays(ctx.today, -rng.int(60, 3000));
      const status = rng.weighted([
        ['active', 85],
        ['inactive', 8],
        ['resolved', 7],
      ] as const);
      const created = stamp();
      db.problems.create((id) => ({
        id,
        createdMs: created,
        updatedMs: created,
        data: {
          patient: patient.id,
          doctor,
          name: problem.name,
          description: problem.name,
          icd_code: problem.icd,
          icd_version: 10,
          snomed_ct_code: problem.snomed,
          status,
          date_diagnosis: diagnosed,
          date_onset: addDays(diagnosed, -rng.int(0, 120)),
          date_changed: diagnosed,
          notes: '',
          info_url: `https://medlineplus.gov/search?query=${encodeURIComponent(problem.icd)}`,
        },
      }));
      for (const med of problem.meds) {
        if (status !== 'active' || !rng.chance(0.85)) continue;
        const started = addDays(diagnosed, rng.int(0, 30));
        db.medications.create((id) => ({
          id,
          createdMs: created,
          updatedMs: stamp(),
          data: {
            patient: patient.id,
            doctor,
            appointment: null,
            name: med.name,
            rxnorm: med.rxnorm,
            dosage_quantity: med.dosage_quantity,
            dosage_units: med.dosage_units,
            frequency: med.frequency,
            route: med.route,
            indication: problem.name,
            daw: false,
            prn: med.frequency.includes('as needed'),
            date_prescribed: started,
            date_started_taking: started,
            date_stopped_taking: null,
            dispense_quantity: '30.00',
            number_refills: rng.int(0, 5),
            order_status: rng.pick([
              'Electronic eRx Sent',
              'Electronic eRx Sent',
              'Phoned into Pharmacy',
              'Prescribed by other Dr',
            ]),
            pharmacy_note: '',
            signature_note: `Take ${med.dosage_quantity} ${med.dosage_units} ${med.route === 'oral' ? 'by mouth ' : ''}${med.frequency}.`,
            notes: '',
            status: 'active',
          },
        }));
      }
    }
    if (rng.chance(0.3)) {
      const picked = new Set([
        rng.pick(allergies),
        ...(rng.chance(0.25) ? [rng.pick(allergies)] : []),
      ]);
      for (const allergy of picked) {
        const created = stamp();
        db.allergies.create((id) => ({
          id,
          createdMs: created,
          updatedMs: created,
          data: {
            patient: patient.id,
            doctor,
            ...allergy,
            notes: '',
            status: rng.chance(0.92) ? 'active' : 'inactive',
          },
        }));
      }
    }
  }
}
