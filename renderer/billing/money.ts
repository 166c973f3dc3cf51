import Big from 'big.js';

/**
 * Amounts stay decimal strings from drchrono to the screen; any arithmetic (a balance after a
 * payment) is done with big.js, never with floats.
 */

export function toBig(value: string | null | undefined): Big | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? new Big(text) : null;
}

const grouping = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "1234.5" → "$1,234.50"; "-5" → "−$5.00"; absent → "—". */
export function formatMoney(value: string | null | undefined): string {
  const amount = toBig(value);
  if (!amount) return '—';
  const fixed = amount.abs().toFixed(2);
  const [whole = '0', cents = '00'] = fixed.split('.');
  return `${amount.lt(0) ? '−' : ''}$${grouping(whole)}.${cents}`;
}

export function minus(a: string | null | undefined, b: string | null | undefined): string | null {
  const x = toBig(a);
  const y = toBig(b);
  return x && y ? x.minus(y).toFixed(2) : null;
}

export function isPositive(value: string | null | undefined): boolean {
  const amount = toBig(value);
  return amount !== null && amount.gt(0);
}

const methodLabels: Record<string, string> = {
  CASH: 'Cash',
  CHCK: 'Check',
  CRDT: 'Credit card',
  DBIT: 'Debit card',
  AMEX: 'American Express',
  VISA: 'Visa',
  MSTR: 'Mastercard',
  DISC: 'Discover',
  OTHR: 'Other',
  ONPT: 'OnPatient',
  DRCP: 'Direct payment',
  SQRE: 'Square',
  SQR1: 'Square',
  PTPA: 'Patient payments',
};

/** drchrono's payment method codes in words; an unknown code is shown as it is. */
export function methodLabel(method: string | null | undefined): string {
  if (!method) return '—';
  return methodLabels[method] ?? method;
}
