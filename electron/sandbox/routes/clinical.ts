import { z } from 'zod';
import type { JsonRecord } from '../model';
import type { Ctx, Route } from '../router';
import { bool, choice, dateOrNull, decimal, int, intOrNull, text } from '../validate';
import { byInt, requireExisting, resource, type ResourceSpec } from './resource';

/**
 * Allergies, medications and problems: GET, POST, PUT, PATCH and no DELETE (405), as the
 * reference lists. Statuses default to "active" when a write leaves them out.
 */

const status = choice(['active', 'inactive'] as const);

function owners(ctx: Ctx, data: JsonRecord): void {
  requireExisting(ctx.env.db.patients, 'patient', data.patient);
  requireExisting(ctx.env.db.doctors, 'doctor', data.doctor);
}

const common = {
  methods: ['GET', 'POST', 'PUT', 'PATCH'] as const,
  filters: { patient: byInt('patient') },
  validate: owners,
};

const allergySpec: ResourceSpec = {
  ...common,
  path: '/api/allergies',
  table: (ctx) => ctx.env.db.allergies,
  verboseKeys: ['description'],
  stamps: { created: false, updated: false },
  shape: {
    doctor: int(),
    patient: int(),
    description: text().optional(),
    notes: text().optional(),
    reaction: text().optional(),
    rxnorm: text().optional(),
    snomed_reaction: text().optional(),
    status: status.optional(),
  },
  defaults: () => ({
    description: '',
    notes: '',
    reaction: '',
    rxnorm: '',
    snomed_reaction: '',
    status: 'active',
  }),
};

const orderStatuses = [
  '',
  'Ordered',
  'Administered during visit',
  'Electronic eRx Sent',
  'Phoned into Pharmacy',
  'Faxed to Pharmacy',
  'Paper Rx',
  'Prescription Printed',
  'Discontinued',
  'Prescribed by other Dr',
  'Over the Counter',
] as const;

const medicationSpec: ResourceSpec = {
  ...common,
  path: '/api/medications',
  table: (ctx) => ctx.env.db.medications,
  stamps: { created: false, updated: false },
  shape: {
    doctor: int(),
    patient: int(),
    name: text().optional(),
    daw: bool().optional(),
    prn: bool().optional(),
    appointment: z.union([intOrNull(), z.string()]).optional(),
    date_prescribed: dateOrNull().optional(),
    date_started_taking: dateOrNull().optional(),
    date_stopped_taking: dateOrNull().optional(),
    dispense_quantity: decimal().optional(),
    dosage_quantity: text().optional(),
    dosage_units: text().optional(),
    notes: text().optional(),
    frequency: text().optional(),
    indication: text().optional(),
    number_refills: intOrNull().optional(),
    order_status: choice(orderStatuses).optional(),
    pharmacy_note: text().optional(),
    route: text().optional(),
    rxnorm: text().optional(),
    signature_note: text().optional(),
    status: status.optional(),
  },
  defaults: () => ({
    name: '',
    daw: false,
    prn: false,
    appointment: null,
    date_prescribed: null,
    date_started_taking: null,
    date_stopped_taking: null,
    dispense_quantity: null,
    dosage_quantity: '',
    dosage_units: '',
    notes: '',
    frequency: '',
    indication: '',
    number_refills: 0,
    order_status: '',
    pharmacy_note: '',
    route: '',
    rxnorm: '',
    signature_note: '',
    status: 'active',
  }),
};

const problemSpec: ResourceSpec = {
  ...common,
  path: '/api/problems',
  table: (ctx) => ctx.env.db.problems,
  stamps: { created: false, updated: false },
  readOnly: ['info_url'],
  shape: {
    doctor: int(),
    patient: int(),
    icd_version: int()
      .refine((v) => v === 9 || v === 10, 'Either 9 or 10.')
      .optional(),
    date_changed: dateOrNull().optional(),
    date_diagnosis: dateOrNull().optional(),
    date_onset: dateOrNull().optional(),
    description: text().optional(),
    icd_code: text().optional(),
    name: text().optional(),
    notes: text().optional(),
    status: choice(['active', 'inactive', 'resolved'] as const).optional(),
    snomed_ct_code: text().optional(),
  },
  defaults: () => ({
    icd_version: 10,
    date_changed: null,
    date_diagnosis: null,
    date_onset: null,
    description: '',
    icd_code: '',
    name: '',
    notes: '',
    status: 'active',
    snomed_ct_code: '',
    info_url: '',
  }),
};

export const clinicalRoutes: Route[] = [
  ...resource(allergySpec),
  ...resource(medicationSpec),
  ...resource(problemSpec),
];
