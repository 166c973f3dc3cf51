import Big from 'big.js';
import type { LineItem } from '../../shared/drchrono';

/**
 * Money at the desk is decimal strings ("25.00") in and out, with big.js in between: a float would
 * turn 0.10 + 0.20 into 0.30000000000000004 and a balance into a cent that is owed by nobody.
 */

/** A drchrono decimal as a Big; absent or unreadable values count as nothing owed. */
export function toBig(value: string | null | undefined): Big {
  if (value === null || value === undefined) return new Big(0);
  const text = value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return new Big(0);
  return new Big(text);
}

export function sumMoney(values: readonly (string | null | undefined)[]): string {
  return values.reduce((sum, value) => sum.plus(toBig(value)), new Big(0)).toFixed(2);
}

export interface BillingTotals {
  billed: string;
  paid: string;
  balancePatient: string;
  balanceInsurance: string;
  balanceTotal: string;
}

function billedOf(item: LineItem): string {
  if (item.billed !== null && item.billed !== undefined) return item.billed;
  const quantity = item.quantity ?? '1';
  return toBig(item.price).times(toBig(quantity)).toFixed(2);
}

function paidOf(item: LineItem): string {
  if (item.paid_total !== null && item.paid_total !== undefined) return item.paid_total;
  const insurers = item.ins_total ?? sumMoney([item.ins1_paid, item.ins2_paid, item.ins3_paid]);
  return sumMoney([insurers, item.pt_paid]);
}

function balanceTotalOf(item: LineItem): string {
  if (item.balance_total !== null && item.balance_total !== undefined) return item.balance_total;
  return sumMoney([item.balance_pt, item.balance_ins]);
}

/**
 * The appointment's totals, from the balances its line items report (drchrono computes them; the
 * desk only adds them up). Missing derived fields are rebuilt from the documented parts.
 */
export function billingTotals(items: readonly LineItem[]): BillingTotals {
  return {
    billed: sumMoney(items.map(billedOf)),
    paid: sumMoney(items.map(paidOf)),
    balancePatient: sumMoney(items.map((i) => i.balance_pt)),
    balanceInsurance: sumMoney(items.map((i) => i.balance_ins)),
    balanceTotal: sumMoney(items.map(balanceTotalOf)),
  };
}
