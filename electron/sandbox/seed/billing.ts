import Big from 'big.js';
import { add, gt, min, sub, toMoney } from '../decimal';
import type { Appointment, Doc, LineItem } from '../model';
import { lineItemAmounts } from '../money';
import type { Prng } from '../prng';
import { addDays, daysBetween, formatStamp } from '../time';
import { acuteCodes } from './clinical-catalog';
import { codes, visitCodes } from './catalog';
import type { SeedContext } from './context';
import { hasInsurance } from './patients';
import type { Practice } from './practice';

/** drchrono's payment method codes; the seed draws from the first six, as desks mostly use those. */
export const paymentMethods = [
  'CASH',
  'CHCK',
  'CRDT',
  'DBIT',
  'ONPT',
  'OTHR',
  'AMEX',
  'VISA',
  'MSTR',
  'DISC',
  'DRCP',
  'SQRE',
  'SQR1',
  'PTPA',
] as const;
const seededMethods = paymentMethods.slice(0, 6);

/** Line items, copays, insurer payments and balances for visits that happened. */
export function seedBilling(ctx: SeedContext, practice: Practice): void {
  const rng = ctx.rng('billing');
  const { db } = ctx;
  const profileKey = new Map([...practice.profiles].map(([key, id]) => [id, key]));
  const chronic = new Map<number, string[]>();
  for (const p of db.problems.all()) {
    const id = Number(p.data.patient);
    chronic.set(id, [...(chronic.get(id) ?? []), String(p.data.icd_code)]);
  }
  for (const appt of db.appointments.all()) {
    if (appt.patient === null) continue;
    const visited =
      appt.status === 'Complete' ||
      (appt.status === 'In Session' && appt.scheduled_time.startsWith(ctx.today));
    if (!visited) continue;
    const patient = db.patients.get(appt.patient);
    if (!patient) continue;
    const key = profileKey.get(appt.profile ?? 0) ?? 'follow';
    const lines = rng.pick(visitCodes[key] ?? [['99213']]);
    appt.icd10_codes = diagnoses(rng, chronic.get(patient.id) ?? [], key);
    const insured = hasInsurance(patient.data.primary_insurance);
    const medicare =
      String((patient.data.primary_insurance as Record<string, unknown>).insurance_plan_type) ===
      'Medicare';
    const date = appt.scheduled_time.slice(0, 10);
    const adjudicated = insured && daysBetween(date, ctx.today) > 14;
    const items = lines.map((code, i) =>
      lineItem(ctx, rng, appt, patient, code, i, { insured, medicare, adjudicated }),
    );
    for (const li of items) {
      if (!gt(li.ptResponsibility, '0.00')) continue;
      const roll = rng.next();
      const amount =
        roll < 0.65
          ? li.ptResponsibility
          : roll < 0.75
            ? toMoney(new Big(li.ptResponsibility).div(2))
            : undefined;
      if (amount) recordPayment(ctx, rng, li, amount, date);
    }
    const amounts = items.map(lineItemAmounts);
    const ptDue = add(...amounts.map((a) => a.balance_pt));
    const insDue = add(...amounts.map((a) => a.balance_ins));
    appt.billing_status = gt(ptDue, '0.00')
      ? 'Balance Due'
      : gt(insDue, '0.00')
        ? 'Bill Insurance'
        : 'Paid In Full';
    if (insured && addDays(date, 1) < ctx.today) {
      appt.first_billed_date = `${addDays(date, 1)}T09:00:00`;
      appt.last_billed_date = appt.first_billed_date;
    }
  }
  // A few payments on account, with no line item: prepayments and old balances.
  const patients = db.patients.all();
  for (let i = 0; i < 6; i++) {
    const patient = rng.pick(patients);
    const date = addDays(ctx.today, -rng.int(1, 20));
    createPayment(
      ctx,
      rng,
      {
        patient: patient.id,
        doctor: Number(patient.data.doctor),
        appointment: null,
        line_item: null,
      },
      toMoney(rng.int(20, 150)),
      date,
      'Payment on account',
    );
  }
}

function diagnoses(rng: Prng, chronic: string[], key: string): string[] {
  if (key === 'physical' || key === 'awv') return ['Z00.00', ...chronic.slice(0, 1)];
  if (key === 'wellchild') return ['Z00.129', 'Z23'];
  if (key === 'sick') return [rng.pick(acuteCodes)];
  if (key === 'allergy') return ['J30.9'];
  if (key === 'procedure') return [rng.pick(['L82.1', 'B07.9', 'M17.11'])];
  return chronic.length > 0 ? chronic.slice(0, 2) : ['Z71.89'];
}

function lineItem(
  ctx: SeedContext,
  rng: Prng,
  appt: Appointment,
  patient: Doc,
  code: string,
  index: number,
  terms: { insured: boolean; medicare: boolean; adjudicated: boolean },
): LineItem {
  const spec = codes[code] ?? { code, type: 'C' as const, description: '', price: '100.00' };
  const billed = spec.price;
  const date = appt.scheduled_time.slice(0, 10);
  const allowed = terms.insured ? toMoney(new Big(billed).times(rng.int(55, 80)).div(100)) : billed;
  const ptResponsibility = !terms.insured
    ? billed
    : terms.medicare
      ? toMoney(new Big(allowed).times('0.2'))
      : index === 0
        ? min('25.00', allowed)
        : '0.00';
  const posted = ctx.stamp(addDays(date, rng.int(0, 2)), rng.int(600, 1020), rng);
  const li: LineItem = {
    id: ctx.db.lineItems.allocate(),
    appointment: Number(appt.id),
    patient: patient.id,
    doctor: appt.doctor,
    office: appt.office,
    code: spec.code,
    procedure_type: spec.type,
    description: spec.description,
    price: billed,
    quantity: '1.00',
    allowed,
    adjustment: terms.adjudicated ? sub(billed, allowed) : '0.00',
    ins1_paid: terms.adjudicated ? sub(allowed, ptResponsibility) : '0.00',
    ins2_paid: '0.00',
    ins3_paid: '0.00',
    pt_paid: '0.00',
    ptResponsibility,
    billing_status: !terms.insured
      ? ''
      : terms.adjudicated
        ? 'Paid in Full'
        : rng.pick(['In Process Payer', 'Payer Acknowledged', 'In Process Emdeon']),
    denied_flag: false,
    diagnosis_pointers: [1, appt.icd10_codes.length > 1 ? 2 : null, null, null],
    modifiers:
      code === '99213' && appt.reason === 'Telehealth visit'
        ? ['95', '', '', '']
        : ['', '', '', ''],
    units: 'UN',
    service_date: date,
    expected_reimbursement: allowed,
    postedMs: posted,
    updatedMs: posted,
    extra: {},
  };
  ctx.db.lineItems.insert(li);
  if (terms.adjudicated) {
    const checkDate = addDays(date, rng.int(10, 14));
    ctx.db.transactions.create((id) => ({
      id,
      createdMs: ctx.stamp(checkDate, 660, rng),
      updatedMs: ctx.stamp(checkDate, 660, rng),
      data: {
        line_item: li.id,
        appointment: li.appointment,
        patient: li.patient,
        doctor: li.doctor,
        ins_paid: li.ins1_paid,
        adjustment: li.adjustment,
        adjustment_group_code: 'CO',
        adjustment_reason: '45',
        claim_status: 'Processed as Primary',
        check_date: checkDate,
        trace_number: `EFT${rng.digits(9)}`,
        posted_date: formatStamp(ctx.stamp(checkDate, 660, rng), ctx.tz),
        ins_name: 1,
      },
    }));
    li.updatedMs = Math.max(li.updatedMs, ctx.stamp(checkDate, 700, rng));
  }
  return li;
}

function recordPayment(
  ctx: SeedContext,
  rng: Prng,
  li: LineItem,
  amount: string,
  date: string,
): void {
  li.pt_paid = add(li.pt_paid, amount);
  createPayment(
    ctx,
    rng,
    { patient: li.patient, doctor: li.doctor, appointment: li.appointment, line_item: li.id },
    amount,
    date,
    'Copay at check-in',
  );
  li.updatedMs = Math.max(li.updatedMs, ctx.stamp(date, 1000, rng));
}

function createPayment(
  ctx: SeedContext,
  rng: Prng,
  refs: { patient: number; doctor: number; appointment: number | null; line_item: number | null },
  amount: string,
  date: string,
  note: string,
): void {
  const at = ctx.stamp(date, rng.int(480, 1080), rng);
  const method = rng.pick(seededMethods);
  const payment = ctx.db.payments.create((id) => ({
    id,
    createdMs: at,
    updatedMs: at,
    data: {
      ...refs,
      amount,
      payment_method: method,
      received_date: date,
      posted_date: date,
      notes: note,
      trace_number: method === 'CHCK' ? rng.digits(4) : '',
      created_by: ctx.actingUser,
    },
  }));
  const office =
    refs.appointment === null
      ? null
      : (ctx.db.appointments.get(String(refs.appointment))?.office ?? null);
  ctx.db.paymentLog.create((id) => ({
    id,
    createdMs: at,
    updatedMs: at,
    data: {
      patient: refs.patient,
      doctor: refs.doctor,
      appointment: refs.appointment,
      office,
      amount,
      payment_method: method,
      created_by: ctx.actingUser,
      action: 'Created',
      source: 'Office',
      patient_payment: payment.id,
    },
  }));
}
