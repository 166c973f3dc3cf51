import Big from 'big.js';
import { add, sub, toMoney } from './decimal';
import type { LineItem } from './model';

/**
 * A line item's derived amounts. The reference lists them without formulas; the sandbox uses:
 * billed = price × quantity; ins_total = ins1 + ins2 + ins3; paid_total = ins_total + pt_paid;
 * balance_total = billed − adjustment − paid_total; balance_pt = patient responsibility − pt_paid;
 * balance_ins = balance_total − balance_pt. All with big.js, two places, as strings.
 */
export interface LineItemAmounts {
  billed: string;
  ins_total: string;
  paid_total: string;
  balance_total: string;
  balance_pt: string;
  balance_ins: string;
}

export function lineItemAmounts(li: LineItem): LineItemAmounts {
  const billed = toMoney(new Big(li.price).times(li.quantity));
  const insTotal = add(li.ins1_paid, li.ins2_paid, li.ins3_paid);
  const paidTotal = add(insTotal, li.pt_paid);
  const balanceTotal = sub(billed, li.adjustment, paidTotal);
  const balancePt = sub(li.ptResponsibility, li.pt_paid);
  return {
    billed,
    ins_total: insTotal,
    paid_total: paidTotal,
    balance_total: balanceTotal,
    balance_pt: balancePt,
    balance_ins: sub(balanceTotal, balancePt),
  };
}
