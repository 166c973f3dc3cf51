import { z } from 'zod';
import { add, gt, isZero, min, mul } from '../decimal';
import { ApiError, json, notFound } from '../http';
import type { Doc, JsonRecord, LineItem, ProcedureType } from '../model';
import { lineItemAmounts } from '../money';
import { paginate } from '../paginate';
import { route, type Ctx, type Route } from '../router';
import { hasInsurance } from '../seed/patients';
import { formatStamp, practiceDate } from '../time';
import { paymentMethods } from '../seed/billing';
import {
  bodyObject,
  check,
  choice,
  date,
  dateOrNull,
  decimal,
  int,
  intOrNull,
  pickKnown,
  requiredText,
  text,
} from '../validate';
import { dateParam, instantParam, intParam } from './query';
import { byInt, presentDoc, requireExisting, resource, type ResourceSpec } from './resource';

/** Line items (with computed balances), patient payments and their log, insurer transactions. */

const procedureNames: Record<ProcedureType, string> = {
  C: 'CPT(C)',
  H: 'HCPCS(H)',
  U: 'Custom(U)',
};

export function presentLineItem(ctx: Ctx, li: LineItem): JsonRecord {
  // ptResponsibility and office are the sandbox's bookkeeping, not API fields.
  const {
    extra,
    postedMs,
    updatedMs,
    ptResponsibility: _pt,
    office: _office,
    procedure_type,
    ...fields
  } = li;
  return {
    ...extra,
    ...fields,
    procedure_type: procedureNames[procedure_type],
    ...lineItemAmounts(li),
    posted_date: formatStamp(postedMs, ctx.env.timezone),
    updated_at: formatStamp(updatedMs, ctx.env.timezone),
  };
}

function listLineItems(ctx: Ctx): Response {
  const ints = ['appointment', 'doctor', 'office', 'patient'] as const;
  const wanted = ints.map((k) => [k, intParam(ctx, k)] as const);
  const service = dateParam(ctx, 'service_date');
  const posted = dateParam(ctx, 'posted_date');
  const since = instantParam(ctx, 'since');
  const tz = ctx.env.timezone;
  const found = ctx.env.db.lineItems
    .all()
    .filter(
      (li) =>
        wanted.every(([k, v]) => v === undefined || li[k] === v) &&
        (service === undefined || li.service_date === service) &&
        (posted === undefined || practiceDate(li.postedMs, tz) === posted) &&
        (since === undefined || li.updatedMs >= since),
    );
  return paginate(ctx, found, (li) => presentLineItem(ctx, li));
}

const procedureType = z.preprocess(
  (v) => (typeof v === 'string' ? (/^(?:CPT|HCPCS|Custom)\((\w)\)$/.exec(v)?.[1] ?? v) : v),
  z.enum(['C', 'H', 'U']),
);

const lineItemShape = {
  appointment: int(),
  code: requiredText(),
  procedure_type: procedureType,
  price: decimal(),
  // "List of 4 diagnosis pointers" and "List of 4 code modifiers": exactly four, unused ones
  // null or "" (DRF's ListField with min_length = max_length = 4).
  diagnosis_pointers: z
    .array(z.union([int(), z.string(), z.null()]))
    .length(4, 'Ensure this field has exactly 4 elements.')
    .refine((list) => list.some((p) => p !== null && p !== ''), 'Give at least one diagnosis.'),
  doctor: int(),
  quantity: decimal().optional(),
  allowed: decimal().optional(),
  modifiers: z.array(text()).length(4, 'Ensure this field has exactly 4 elements.').optional(),
  service_date: date().optional(),
};
const lineItemReadOnly = new Set([
  'id',
  'patient',
  'billed',
  'balance_ins',
  'balance_pt',
  'balance_total',
  'paid_total',
  'pt_paid',
  'ins_total',
  'ins1_paid',
  'ins2_paid',
  'ins3_paid',
  'adjustment',
  'billing_status',
  'denied_flag',
  'units',
  'posted_date',
  'updated_at',
  'description',
  'expected_reimbursement',
]);

function createLineItem(ctx: Ctx): Response {
  const { db } = ctx.env;
  const split = pickKnown(
    bodyObject(ctx.body),
    new Set(Object.keys(lineItemShape)),
    lineItemReadOnly,
  );
  const input = check(z.object(lineItemShape), split.known);
  const appt = db.appointments.get(String(input.appointment));
  if (!appt || appt.deleted_flag)
    throw new ApiError(400, {
      appointment: [`Invalid pk "${String(input.appointment)}" - object does not exist.`],
    });
  if (appt.patient === null) throw new ApiError(400, { appointment: ['Breaks cannot be billed.'] });
  requireExisting(db.doctors, 'doctor', input.doctor);
  const patient = db.patients.get(appt.patient);
  // ICD codes are added to the appointment's diagnoses; integers point into them (1-based).
  const pointers = input.diagnosis_pointers.map((p) => {
    if (p === '') return null;
    if (typeof p !== 'string') return p;
    let i = appt.icd10_codes.indexOf(p);
    if (i < 0) i = appt.icd10_codes.push(p) - 1;
    return i + 1;
  });
  const quantity = input.quantity ?? '1.00';
  const billed = mul(input.price, quantity);
  const insured = hasInsurance(patient?.data.primary_insurance);
  const li = db.lineItems.create((id) => ({
    id,
    appointment: Number(appt.id),
    patient: appt.patient ?? 0,
    doctor: input.doctor,
    office: appt.office,
    code: input.code,
    procedure_type: input.procedure_type,
    description: '',
    price: input.price,
    quantity,
    allowed: input.allowed ?? billed,
    adjustment: '0.00',
    ins1_paid: '0.00',
    ins2_paid: '0.00',
    ins3_paid: '0.00',
    pt_paid: '0.00',
    // Self-pay patients owe it all; insured ones a copay-like share until the claim is paid.
    ptResponsibility: insured ? min('25.00', billed) : billed,
    billing_status: '',
    denied_flag: false,
    diagnosis_pointers: pointers,
    modifiers: input.modifiers ?? ['', '', '', ''],
    units: 'UN',
    service_date: input.service_date ?? appt.scheduled_time.slice(0, 10),
    expected_reimbursement: input.allowed ?? billed,
    postedMs: ctx.now,
    updatedMs: ctx.now,
    extra: split.extra,
  }));
  refreshBillingStatus(ctx, li.appointment);
  return json(201, presentLineItem(ctx, li));
}

/** Keeps the appointment's billing_status in step with its line items' balances. */
function refreshBillingStatus(ctx: Ctx, appointmentId: number): void {
  const appt = ctx.env.db.appointments.get(String(appointmentId));
  if (!appt) return;
  const items = ctx.env.db.lineItems
    .all()
    .filter((li) => li.appointment === appointmentId)
    .map(lineItemAmounts);
  const pt = add(...items.map((a) => a.balance_pt));
  const ins = add(...items.map((a) => a.balance_ins));
  const status = gt(pt, '0.00')
    ? 'Balance Due'
    : gt(ins, '0.00')
      ? 'Bill Insurance'
      : 'Paid In Full';
  if (appt.billing_status !== status) {
    appt.billing_status = status;
    appt.updatedMs = ctx.now;
  }
}

const paymentShape = {
  amount: decimal().refine((v) => !isZero(v), 'Amount cannot be zero.'),
  patient: int(),
  appointment: intOrNull().optional(),
  line_item: intOrNull().optional(),
  doctor: intOrNull().optional(),
  payment_method: choice(paymentMethods).optional(),
  received_date: dateOrNull().optional(),
  notes: text().optional(),
  trace_number: text().optional(),
};

function createPayment(ctx: Ctx): Response {
  const { db } = ctx.env;
  const split = pickKnown(
    bodyObject(ctx.body),
    new Set(Object.keys(paymentShape)),
    new Set(['id', 'created_at', 'created_by', 'posted_date', 'updated_at']),
  );
  const input = check(z.object(paymentShape), split.known);
  requireExisting(db.patients, 'patient', input.patient);
  const patient = db.patients.get(input.patient) as Doc;
  const hasAppt = input.appointment != null;
  const hasItem = input.line_item != null;
  if (hasAppt !== hasItem)
    throw new ApiError(400, {
      non_field_errors: ['appointment and line_item must be given together.'],
    });
  let li: LineItem | undefined;
  if (hasItem) {
    li = db.lineItems.get(input.line_item ?? 0);
    if (!li)
      throw new ApiError(400, {
        line_item: [`Invalid pk "${String(input.line_item)}" - object does not exist.`],
      });
    if (li.appointment !== input.appointment)
      throw new ApiError(400, {
        line_item: ['This line item does not belong to the given appointment.'],
      });
    if (li.patient !== input.patient)
      throw new ApiError(400, { line_item: ['This line item belongs to another patient.'] });
  }
  if (input.doctor != null) requireExisting(db.doctors, 'doctor', input.doctor);
  const today = practiceDate(ctx.now, ctx.env.timezone);
  const data: JsonRecord = {
    ...split.extra,
    patient: input.patient,
    doctor: input.doctor ?? li?.doctor ?? patient.data.doctor,
    appointment: input.appointment ?? null,
    line_item: input.line_item ?? null,
    amount: input.amount,
    payment_method: input.payment_method ?? '',
    received_date: input.received_date ?? today,
    posted_date: today,
    notes: input.notes ?? '',
    trace_number: input.trace_number ?? '',
    created_by: ctx.user.id,
  };
  const payment = db.payments.create((id) => ({
    id,
    data,
    createdMs: ctx.now,
    updatedMs: ctx.now,
  }));
  if (li) {
    li.pt_paid = add(li.pt_paid, input.amount);
    li.updatedMs = ctx.now;
    refreshBillingStatus(ctx, li.appointment);
  }
  db.paymentLog.create((id) => ({
    id,
    createdMs: ctx.now,
    updatedMs: ctx.now,
    data: {
      patient: data.patient,
      doctor: data.doctor,
      appointment: data.appointment,
      office: li?.office ?? null,
      amount: data.amount,
      payment_method: data.payment_method,
      created_by: ctx.user.id,
      action: 'Created',
      source: 'API',
      patient_payment: payment.id,
    },
  }));
  return json(201, presentDoc(paymentSpec, ctx, payment));
}

const paymentSpec: ResourceSpec = {
  path: '/api/patient_payments',
  table: (ctx) => ctx.env.db.payments,
  methods: ['GET'],
  filters: { patient: byInt('patient') },
};

const logSpec: ResourceSpec = {
  path: '/api/patient_payment_log',
  table: (ctx) => ctx.env.db.paymentLog,
  methods: ['GET'],
  stamps: { created: false, updated: 'updated_at' },
  filters: { office: byInt('office'), patient: byInt('patient') },
};

const transactionSpec: ResourceSpec = {
  path: '/api/transactions',
  table: (ctx) => ctx.env.db.transactions,
  methods: ['GET'],
  filters: {
    appointment: byInt('appointment'),
    line_item: byInt('line_item'),
    posted_date: (doc, ctx) => {
      const d = dateParam(ctx, 'posted_date');
      return d === undefined || String(doc.data.posted_date).startsWith(d);
    },
  },
};

const [paymentList, paymentItem] = resource(paymentSpec) as [Route, Route];
paymentList.handlers.POST = createPayment;

export const billingRoutes: Route[] = [
  route('/api/line_items', { GET: listLineItems, POST: createLineItem }),
  route('/api/line_items/:id', {
    GET: (ctx) => {
      const li = /^\d+$/.test(ctx.params.id ?? '')
        ? ctx.env.db.lineItems.get(Number(ctx.params.id))
        : undefined;
      if (!li) throw notFound();
      return json(200, presentLineItem(ctx, li));
    },
  }),
  paymentList,
  paymentItem,
  ...resource(logSpec),
  ...resource(transactionSpec),
];
