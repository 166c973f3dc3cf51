/**
 * The top-level fields whose values differ between what the form started with and what it holds
 * now, with both sides: the PATCH carries only `changes`, and `base` lets main tell our edit from
 * someone else's. Nested objects (an insurance card) count as one field.
 */
export function changedFields<T extends Record<string, unknown>>(
  initial: T,
  current: T,
): { changes: Partial<T>; base: Partial<T>; count: number } {
  const changes: Partial<T> = {};
  const base: Partial<T> = {};
  let count = 0;
  for (const key of Object.keys(current) as (keyof T)[]) {
    if (!sameValue(initial[key], current[key])) {
      changes[key] = current[key];
      base[key] = initial[key];
      count++;
    }
  }
  return { changes, base, count };
}

function normalise(value: unknown): unknown {
  // The server's null and the form's empty string mean the same absent value.
  return value === null || value === undefined ? '' : value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return x === y;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) {
    if (!sameValue((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}
