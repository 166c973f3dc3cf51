import { z } from 'zod';
import { ApiError } from '../http';
import type { Ctx, Route } from '../router';
import { str, type Doc, type JsonRecord } from '../model';
import { emptyInsurance, hasInsurance } from '../seed/patients';
import { choice, date, dateOrNull, int, text, bool } from '../validate';
import { dateParam, intListParam, textParam } from './query';
import { byInt, requireExisting, resource, type ResourceSpec } from './resource';
import { flag } from '../validate';

/** `/api/patients` and `/api/patients_summary`: one table, two views. */

const genders = ['Male', 'Female', 'Other'] as const;
const ethnicities = ['blank', 'hispanic', 'not_hispanic', 'declined'] as const;
const races = ['blank', 'indian', 'asian', 'black', 'hawaiian', 'white', 'declined'] as const;
const statuses = ['A', 'I', 'D'] as const;
const paymentProfiles = [
  '',
  'Cash',
  'Insurance',
  'Insurance Out of Network',
  'Auto Accident',
  "Worker's Comp",
] as const;
const needsInsurance = new Set(['Insurance', 'Auto Accident', "Worker's Comp"]);

const textFields = [
  'address',
  'cell_phone',
  'chart_id',
  'city',
  'emergency_contact_name',
  'emergency_contact_phone',
  'emergency_contact_relation',
  'employer',
  'employer_address',
  'employer_city',
  'employer_state',
  'employer_zip_code',
  'first_name',
  'home_phone',
  'office_phone',
  'last_name',
  'middle_name',
  'nick_name',
  'primary_care_physician',
  'referring_source',
  'responsible_party_name',
  'responsible_party_relation',
  'responsible_party_phone',
  'responsible_party_email',
  'social_security_number',
  'state',
  'zip_code',
  'default_pharmacy',
] as const;

/** Insurance objects are unvalidated at drchrono, but their date is a DRF DateField. */
const insurance = z
  .looseObject({ subscriber_date_of_birth: dateOrNull().optional() })
  .nullable()
  .optional();

const shape: Record<string, z.ZodType> = {
  doctor: int(),
  gender: choice(genders),
  date_of_birth: dateOrNull().optional(),
  email: text()
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+$/.test(v), 'Enter a valid email address.')
    .optional(),
  ethnicity: choice(ethnicities).optional(),
  race: choice(races).optional(),
  patient_status: choice(statuses).optional(),
  patient_payment_profile: choice(paymentProfiles).optional(),
  preferred_language: text()
    .refine((v) => v === '' || /^[a-z]{3}$/.test(v), 'Use an ISO 639-3 (three-letter) code.')
    .optional(),
  primary_insurance: insurance,
  secondary_insurance: insurance,
  tertiary_insurance: insurance,
  custom_demographics: z.array(z.object({ field_type: int(), value: text() }).loose()).optional(),
  patient_flags_attached: z.array(z.record(z.string(), z.unknown())).optional(),
  disable_sms_messages: bool().optional(),
  patient_photo_date: dateOrNull().optional(),
};
for (const f of textFields) shape[f] = text().optional();

function defaults(): JsonRecord {
  const out: JsonRecord = {};
  for (const f of textFields) out[f] = '';
  return {
    ...out,
    date_of_birth: null,
    ethnicity: 'blank',
    race: 'blank',
    preferred_language: 'eng',
    patient_status: 'A',
    patient_payment_profile: '',
    patient_photo: null,
    patient_photo_date: null,
    disable_sms_messages: false,
    date_of_first_appointment: null,
    date_of_last_appointment: null,
    primary_insurance: emptyInsurance(),
    secondary_insurance: emptyInsurance(),
    tertiary_insurance: emptyInsurance(),
    custom_demographics: [],
    patient_flags_attached: [],
  };
}

/** A written insurance object replaces the stored one; missing keys come back empty. */
function prepare(_ctx: Ctx, parsed: JsonRecord): JsonRecord {
  const out = { ...parsed };
  for (const slot of ['primary_insurance', 'secondary_insurance', 'tertiary_insurance'])
    if (slot in out) out[slot] = { ...emptyInsurance(), ...(out[slot] ?? {}) };
  return out;
}

function validate(ctx: Ctx, data: JsonRecord): void {
  requireExisting(ctx.env.db.doctors, 'doctor', data.doctor);
  const profile = str(data.patient_payment_profile);
  if (
    needsInsurance.has(profile) &&
    !hasInsurance(data.primary_insurance) &&
    !hasInsurance(data.secondary_insurance)
  )
    throw new ApiError(400, {
      patient_payment_profile: [
        `"${profile}" needs a primary or secondary insurance: add one in the same request or first.`,
      ],
    });
}

/** Chart ids like drchrono's: letters of the names and a number. */
function afterWrite(_ctx: Ctx, doc: Doc): void {
  if (doc.data.chart_id) return;
  const letters = (v: unknown, n: number) =>
    str(v)
      .replace(/[^A-Za-z]/g, '')
      .slice(0, n)
      .toUpperCase();
  doc.data.chart_id = `${letters(doc.data.last_name, 4)}${letters(doc.data.first_name, 2)}${String(doc.id).slice(-6)}`;
}

const officesCache = new WeakMap<Ctx, Map<number, Set<number>>>();

/** Offices each patient has been to, computed once per request. */
function patientOffices(ctx: Ctx): Map<number, Set<number>> {
  let map = officesCache.get(ctx);
  if (!map) {
    map = new Map();
    for (const a of ctx.env.db.appointments.all()) {
      if (a.patient === null || a.deleted_flag) continue;
      let set = map.get(a.patient);
      if (!set) map.set(a.patient, (set = new Set()));
      set.add(a.office);
    }
    officesCache.set(ctx, map);
  }
  return map;
}

const contains = (param: string) => (doc: Doc, ctx: Ctx) => {
  const wanted = (textParam(ctx, param) ?? '').toLowerCase();
  return str(doc.data[param]).toLowerCase().includes(wanted);
};
const equals = (param: string) => (doc: Doc, ctx: Ctx) => {
  const wanted = textParam(ctx, param);
  return wanted === undefined || str(doc.data[param]).toLowerCase() === wanted.toLowerCase();
};

const byDate = (doc: Doc, ctx: Ctx): boolean => {
  const d = dateParam(ctx, 'date_of_birth');
  return d === undefined || doc.data.date_of_birth === d;
};

const filters: ResourceSpec['filters'] = {
  first_name: contains('first_name'),
  last_name: contains('last_name'),
  date_of_birth: byDate,
  gender: equals('gender'),
  doctor: byInt('doctor'),
  email: equals('email'),
  ethnicity: equals('ethnicity'),
  race: equals('race'),
  preferred_language: equals('preferred_language'),
  offices: (doc, ctx) => {
    const wanted = intListParam(ctx, 'offices');
    const been = patientOffices(ctx).get(doc.id);
    return wanted === undefined || (been !== undefined && wanted.some((o) => been.has(o)));
  },
};

const common = {
  table: (ctx: Ctx) => ctx.env.db.patients,
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const,
  softDelete: true,
  readOnly: [
    'offices',
    'patient_flags',
    'patient_photo',
    'date_of_first_appointment',
    'date_of_last_appointment',
  ],
  stamps: { created: false, updated: 'updated_at' } as const,
  defaults,
  prepare,
  validate,
  afterWrite,
  hidden: (ctx: Ctx, doc: Doc) =>
    !flag(ctx.query.get('show_inactive')) && doc.data.patient_status !== 'A',
};

export const patientSpec: ResourceSpec = {
  ...common,
  path: '/api/patients',
  shape,
  filters,
  verboseKeys: [
    'primary_insurance',
    'secondary_insurance',
    'tertiary_insurance',
    'custom_demographics',
    'patient_flags',
    'patient_flags_attached',
  ],
  present: (ctx, doc, out) => {
    out.offices = [...(patientOffices(ctx).get(doc.id) ?? [])].sort();
    const attached = (doc.data.patient_flags_attached ?? []) as JsonRecord[];
    if ('patient_flags_attached' in out)
      out.patient_flags = attached.map((f) => {
        if (!ctx.env.switches.patientFlagsNamed) return { flag_type: f.flag_type, archived: false };
        const type = ctx.env.db.patientFlagTypes.get(Number(f.flag_type));
        return {
          flag_type: f.flag_type,
          name: type?.data.name ?? '',
          color: type?.data.color ?? '',
          priority: type?.data.priority ?? 0,
          archived: false,
        };
      });
  },
};

const summaryKeys = ['chart_id', 'first_name', 'last_name', 'date_of_birth', 'gender', 'doctor'];

export const patientSummarySpec: ResourceSpec = {
  ...common,
  path: '/api/patients_summary',
  shape: {
    date_of_birth: date(),
    doctor: int(),
    gender: choice(genders),
    chart_id: text().optional(),
    first_name: text().optional(),
    last_name: text().optional(),
  },
  filters: {
    first_name: contains('first_name'),
    last_name: contains('last_name'),
    date_of_birth: byDate,
    gender: equals('gender'),
    doctor: byInt('doctor'),
  },
  // Minimal by design: only what scheduling needs, no contact, clinical or billing data.
  view: (_ctx, doc) => {
    const out: JsonRecord = { id: doc.id };
    for (const k of summaryKeys) out[k] = doc.data[k] ?? null;
    return out;
  },
};

export const patientRoutes: Route[] = [...resource(patientSpec), ...resource(patientSummarySpec)];
