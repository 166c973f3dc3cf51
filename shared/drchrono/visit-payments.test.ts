import { describe, expect, it } from 'vitest';
import type { PatientPayment } from './billing';
import {
  applyNotes,
  collectedTotals,
  markedVisit,
  visitCollection,
  withVisitMark,
  withoutMarks,
} from './visit-payments';

const base = {
  patient: 7,
  line_item: null,
  doctor: null,
  received_date: '2026-12-07',
  posted_date: null,
  trace_number: null,
  created_at: null,
  created_by: null,
};

function payment(over: Partial<PatientPayment> & { id: number; amount: string }): PatientPayment {
  return { ...base, appointment: null, payment_method: 'CASH', notes: '', ...over };
}

describe('copays taken at check-in', () => {
  it('marks the visit in the notes and reads it back', () => {
    expect(withVisitMark('Copay', '80000968')).toBe('Copay [visit 80000968]');
    expect(withVisitMark(undefined, '80000968')).toBe('[visit 80000968]');
    expect(markedVisit('Copay [visit 80000968]')).toBe('80000968');
    expect(withoutMarks('Copay [visit 80000968]')).toBe('Copay');
  });

  it('counts a check-in copay on the visit, and once after it was applied to a line item', () => {
    const copay = payment({ id: 1, amount: '25.00', notes: withVisitMark('', '800') });
    const other = payment({ id: 2, amount: '40.00', notes: withVisitMark('', '801') });
    const before = visitCollection([copay, other], '800');
    expect(before.payments.map((p) => p.id)).toEqual([1]);
    expect(before.unapplied.map((p) => p.id)).toEqual([1]);
    expect(collectedTotals(before.payments)).toEqual({
      amount: '25.00',
      methods: ['CASH'],
      onAccount: '25.00',
    });

    const notes = applyNotes(1);
    const applied = payment({
      id: 3,
      amount: '25.00',
      appointment: '800',
      line_item: 55,
      notes: notes.applied,
    });
    const reversal = payment({ id: 4, amount: '-25.00', notes: notes.reversal });
    const after = visitCollection([copay, other, applied, reversal], '800');
    expect(after.payments.map((p) => p.id)).toEqual([3]);
    expect(after.unapplied).toEqual([]);
    expect(collectedTotals(after.payments)).toEqual({
      amount: '25.00',
      methods: ['CASH'],
      onAccount: '0.00',
    });
  });
});
