import { describe, expect, it } from 'vitest';
import { lineItemSchema } from '../../shared/drchrono';
import { billingTotals, sumMoney } from './money';

const item = (fields: Record<string, unknown>) =>
  lineItemSchema.parse({ id: 1, appointment: '10', ...fields });

describe('billing totals', () => {
  it('adds decimal strings exactly: 0.10 + 0.20 is 0.30, not 0.30000000000000004', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the float trap the code must avoid
    expect(sumMoney(['0.1', '0.2'])).toBe('0.30');
    const totals = billingTotals([
      item({
        billed: '0.10',
        paid_total: '0.10',
        balance_pt: '0.10',
        balance_ins: '0.00',
        balance_total: '0.10',
      }),
      item({
        billed: '0.20',
        paid_total: '0.20',
        balance_pt: '0.20',
        balance_ins: '0.00',
        balance_total: '0.20',
      }),
    ]);
    expect(totals).toEqual({
      billed: '0.30',
      paid: '0.30',
      balancePatient: '0.30',
      balanceInsurance: '0.00',
      balanceTotal: '0.30',
    });
  });

  it('uses the balances the line items report and rebuilds missing derived amounts', () => {
    const totals = billingTotals([
      item({
        price: '125.50',
        quantity: '2',
        ins1_paid: '100.10',
        ins2_paid: '0.20',
        pt_paid: '25.00',
        balance_pt: '0.00',
        balance_ins: '125.70',
      }),
      item({ price: 99.99, balance_pt: '19.99', balance_ins: '0.01', balance_total: '20.00' }),
    ]);
    expect(totals.billed).toBe('350.99'); // 125.50 × 2 + 99.99 × 1
    expect(totals.paid).toBe('125.30'); // 100.10 + 0.20 + 25.00; the second paid nothing
    expect(totals.balancePatient).toBe('19.99');
    expect(totals.balanceInsurance).toBe('125.71');
    expect(totals.balanceTotal).toBe('145.70'); // 0.00 + 125.70 rebuilt, plus 20.00 reported
  });

  it('counts absent or unreadable amounts as zero rather than failing the screen', () => {
    expect(sumMoney([null, undefined, '', 'n/a', '-5.5'])).toBe('-5.50');
    expect(billingTotals([])).toEqual({
      billed: '0.00',
      paid: '0.00',
      balancePatient: '0.00',
      balanceInsurance: '0.00',
      balanceTotal: '0.00',
    });
  });
});
