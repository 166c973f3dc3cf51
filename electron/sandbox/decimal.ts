import Big from 'big.js';

/**
 * drchrono decimals: accepted as integer, float or string, truncated to two places, always
 * returned as strings. Money never passes through a float here.
 */

export type Money = string;

export function toMoney(value: Big | string | number): Money {
  return new Big(value).round(2, Big.roundDown).toFixed(2);
}

export function parseMoney(value: unknown): Money | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  const text = String(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text) && typeof value === 'string') return undefined;
  try {
    return toMoney(text);
  } catch {
    return undefined;
  }
}

export function add(...values: Money[]): Money {
  return values.reduce((sum, v) => sum.plus(v), new Big(0)).toFixed(2);
}

export function sub(a: Money, ...rest: Money[]): Money {
  return rest.reduce((acc, v) => acc.minus(v), new Big(a)).toFixed(2);
}

export function mul(a: Money, b: Money): Money {
  return toMoney(new Big(a).times(b));
}

export function isZero(value: Money): boolean {
  return new Big(value).eq(0);
}

export function gt(a: Money, b: Money): boolean {
  return new Big(a).gt(b);
}

export function min(a: Money, b: Money): Money {
  return new Big(a).lt(b) ? toMoney(a) : toMoney(b);
}
