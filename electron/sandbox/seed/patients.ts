import type { JsonRecord } from '../model';
import type { Prng } from '../prng';
import { addDays, daysBetween } from '../time';
import type { SeedContext } from './context';
import {
  employers,
  femaleNames,
  lastNames,
  maleNames,
  middleNames,
  otherNames,
  relations,
  streets,
  towns,
} from './names';
import { commonPlans, medicarePlan, payers, supplementPlan } from './payers';
import type { Practice } from './practice';

/**
 * Insurance objects are "click link for format" in the reference. The sandbox uses these keys
 * (the legacy `primary_insurance_*` names without the prefix, plus subscriber details); clients
 * must keep keys they do not know. An absent insurance is this object with empty values.
 */
export const insuranceKeys = [
  'insurance_company',
  'insurance_payer_id',
  'insurance_id_number',
  'insurance_group_number',
  'insurance_group_name',
  'insurance_plan_name',
  'insurance_plan_type',
  'insurance_claim_office_number',
  'is_subscriber_the_patient',
  'subscriber_relation',
  'subscriber_first_name',
  'subscriber_middle_name',
  'subscriber_last_name',
  'subscriber_date_of_birth',
  'subscriber_gender',
  'subscriber_address',
  'subscriber_city',
  'subscriber_state',
  'subscriber_zip_code',
  'subscriber_country',
  'subscriber_social_security',
  'photo_front',
  'photo_back',
] as const;

export function emptyInsurance(): JsonRecord {
  const out: JsonRecord = {};
  for (const key of insuranceKeys) out[key] = key === 'is_subscriber_the_patient' ? true : '';
  out.photo_front = null;
  out.photo_back = null;
  out.subscriber_date_of_birth = null;
  return out;
}

export function hasInsurance(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const rec = value as JsonRecord;
  return Boolean(rec.insurance_company) || Boolean(rec.insurance_payer_id);
}

export function ageOn(dob: string, date: string): number {
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = date.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

const languages: [string, number][] = [
  ['eng', 70],
  ['spa', 12],
  ['', 4],
  ['cmn', 2],
  ['hat', 2],
  ['kor', 1],
  ['vie', 1],
  ['rus', 1],
  ['ara', 1],
  ['pol', 1],
  ['por', 1],
  ['ben', 1],
  ['tgl', 1],
  ['que', 1],
];
const races: [string, number][] = [
  ['white', 50],
  ['black', 16],
  ['asian', 10],
  ['indian', 2],
  ['hawaiian', 1],
  ['declined', 6],
  ['blank', 15],
];
const ethnicities: [string, number][] = [
  ['not_hispanic', 65],
  ['hispanic', 20],
  ['declined', 5],
  ['blank', 10],
];

const phone = (rng: Prng): string => `(845) 555-0${rng.digits(3)}`;

/** The demo's named patient has a known cell number (search tests type it); the draw still
 * happens so every later value of the seed stays as it was. */
function demoPhone(rng: Prng, i: number): string {
  const drawn = phone(rng);
  return i === 0 ? '(845) 555-0200' : drawn;
}

export function seedPatients(ctx: SeedContext, practice: Practice): void {
  const rng = ctx.rng('patients');
  const { db } = ctx;
  for (let i = 0; i < ctx.options.patientCount; i++) {
    const genderRoll = rng.next();
    const gender = i === 0 || genderRoll < 0.51 ? 'Female' : genderRoll < 0.985 ? 'Male' : 'Other';
    let first: string =
      gender === 'Female'
        ? rng.pick(femaleNames)
        : gender === 'Male'
          ? rng.pick(maleNames)
          : rng.pick(otherNames);
    let last: string = rng.pick(lastNames);
    // The demo's named patient: the screenshots and the e2e tests look for her.
    if (i === 0) [first, last] = ['Marisol', 'Quispe'];
    const ageBand = rng.weighted<[number, number]>([
      [[0, 17], 22],
      [[18, 64], 58],
      [[65, 94], 20],
    ]);
    const age = i === 0 ? 41 : rng.int(ageBand[0], ageBand[1]);
    const dob = addDays(ctx.today, -(age * 365 + rng.int(0, 364) + Math.floor(age / 4)));
    const town = rng.pick(towns);
    const doctor = age < 18 ? (practice.doctors[2] ?? 0) : rng.pick(practice.doctors.slice(0, 2));
    const email =
      `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `${rng.int(1, 99)}@example.com`;
    const status = rng.weighted([
      ['A', 95],
      ['I', 4],
      ['D', 1],
    ] as const);
    const minor = age < 18;
    const guardianFirst = rng.pick(rng.chance(0.6) ? femaleNames : maleNames);
    const plan = pickPlan(rng, age);
    const primary = plan
      ? buildInsurance(rng, plan, first, last, dob, gender, minor ? guardianFirst : undefined)
      : emptyInsurance();
    const secondary =
      plan === medicarePlan && rng.chance(0.6)
        ? buildInsurance(rng, supplementPlan, first, last, dob, gender)
        : emptyInsurance();
    const created = ctx.ago(rng.int(20, 2200), rng.int(480, 1080), rng);
    const updated = Math.max(created, ctx.ago(rng.int(1, 120), rng.int(480, 1080), rng));
    const employer = minor ? '' : age >= 67 ? 'Retired' : rng.pick(employers);
    const flags = rng.chance(0.08) ? [rng.pick(practice.flagTypes)] : [];
    db.patients.create((id) => ({
      id,
      createdMs: created,
      updatedMs: updated,
      data: {
        chart_id: `${last
          .replace(/[^A-Za-z]/g, '')
          .slice(0, 4)
          .toUpperCase()}${first
          .replace(/[^A-Za-z]/g, '')
          .slice(0, 2)
          .toUpperCase()}${String(i + 1).padStart(6, '0')}`,
        first_name: first,
        middle_name: rng.pick(middleNames),
        last_name: last,
        nick_name: rng.chance(0.05) ? first.slice(0, 3) : '',
        date_of_birth: dob,
        gender,
        doctor,
        address: `${rng.int(2, 480)} ${rng.pick(streets)}${rng.chance(0.2) ? `, Apt ${rng.int(1, 12)}${rng.pick(['A', 'B', 'C'])}` : ''}`,
        city: town.city,
        state: 'NY',
        zip_code: town.zip,
        cell_phone: demoPhone(rng, i),
        home_phone: rng.chance(0.3) ? phone(rng) : '',
        office_phone: rng.chance(0.15) ? phone(rng) : '',
        email: rng.chance(0.85) ? email : '',
        emergency_contact_name: `${rng.pick(rng.chance(0.5) ? femaleNames : maleNames)} ${rng.chance(0.6) ? last : rng.pick(lastNames)}`,
        emergency_contact_phone: phone(rng),
        emergency_contact_relation: minor ? 'Parent' : rng.pick(relations),
        employer,
        employer_address:
          employer && employer !== 'Retired' && employer !== 'Self-employed'
            ? `${rng.int(1, 900)} ${rng.pick(streets)}`
            : '',
        employer_city: employer ? town.city : '',
        employer_state: employer ? 'NY' : '',
        employer_zip_code: employer ? town.zip : '',
        ethnicity: rng.weighted(ethnicities),
        race: rng.weighted(races),
        preferred_language: i === 0 ? 'spa' : rng.weighted(languages),
        patient_status: i === 0 ? 'A' : status,
        patient_payment_profile: plan ? 'Insurance' : rng.chance(0.8) ? 'Cash' : '',
        primary_care_physician: rng.chance(0.2) ? `Dr. ${rng.pick(lastNames)}` : '',
        referring_source: rng.pick([
          '',
          '',
          'Friend or family',
          'Insurance directory',
          'Google search',
          'HealthAlliance Hospital',
        ]),
        responsible_party_name: minor ? `${guardianFirst} ${last}` : '',
        responsible_party_relation: minor ? 'Parent' : '',
        responsible_party_phone: minor ? phone(rng) : '',
        responsible_party_email: minor
          ? `${guardianFirst.toLowerCase().replace(/[^a-z]/g, '')}.${last.toLowerCase().replace(/[^a-z]/g, '')}@example.net`
          : '',
        social_security_number: rng.chance(0.7)
          ? `9${rng.digits(2)}-${rng.digits(2)}-${rng.digits(4)}`
          : '',
        default_pharmacy: rng.pick(['', '3345678', '3312456', '3390112']),
        patient_photo: null,
        patient_photo_date: null,
        disable_sms_messages: rng.chance(0.05),
        date_of_first_appointment: null,
        date_of_last_appointment: null,
        primary_insurance: primary,
        secondary_insurance: secondary,
        tertiary_insurance: emptyInsurance(),
        // Each value belongs to its field (contact method, veteran status, advance directive).
        custom_demographics: practice.customDemographics
          .map((field, k) => ({
            field_type: field,
            value: ['Text', 'Not a veteran', 'No'][k] ?? '',
          }))
          .filter(() => rng.chance(0.3)),
        patient_flags_attached: flags.map((flag_type) => ({ flag_type })),
      },
    }));
  }
}

type Plan = { payer: string; plan: string; type: string; prefix: string };

function pickPlan(rng: Prng, age: number): Plan | undefined {
  if (age >= 65) return rng.chance(0.9) ? medicarePlan : undefined;
  return rng.chance(0.8) ? rng.pick(commonPlans) : undefined;
}

function buildInsurance(
  rng: Prng,
  plan: Plan,
  first: string,
  last: string,
  dob: string,
  gender: string,
  guardian?: string,
): JsonRecord {
  const payer = payers.find(([name]) => name === plan.payer);
  return {
    ...emptyInsurance(),
    insurance_company: plan.payer,
    insurance_payer_id: payer?.[1] ?? '',
    insurance_id_number: `${plan.prefix}${rng.digits(9)}`,
    insurance_group_number:
      plan.type === 'Medicare' || plan.type === 'Medicaid' ? '' : rng.digits(6),
    insurance_group_name:
      plan.type === 'Medicare'
        ? ''
        : rng.pick([
            'Kingston City Schools',
            'Ulster County Employees',
            'Individual',
            'Hudson Valley Builders Union',
          ]),
    insurance_plan_name: plan.plan,
    insurance_plan_type: plan.type,
    insurance_claim_office_number: rng.chance(0.3) ? `(800) 555-0${rng.digits(3)}` : '',
    is_subscriber_the_patient: guardian === undefined,
    subscriber_relation: guardian === undefined ? 'Self' : 'Child',
    subscriber_first_name: guardian ?? first,
    subscriber_last_name: last,
    subscriber_date_of_birth: guardian === undefined ? dob : addDays(dob, -rng.int(20, 40) * 365),
    subscriber_gender: guardian === undefined ? gender : '',
    subscriber_country: 'US',
  };
}

/** Years between two dates, for callers that want the age at a visit. */
export const yearsBetween = (from: string, to: string): number =>
  Math.floor(daysBetween(from, to) / 365.25);
