/**
 * A structural check run before any schema sees a payload from the renderer. Zod refuses unknown
 * keys, but only after walking whatever it was handed: this guard bounds the walk itself (depth,
 * size) and refuses prototype-polluting keys and non-plain values (class instances, typed arrays,
 * functions, symbols) that structured clone or a hostile page could smuggle in.
 */

export const payloadLimits = {
  /** Deeper than any request the contract defines. */
  maxDepth: 12,
  /** Objects, arrays and primitives together. */
  maxNodes: 20_000,
  /** Characters in all strings and keys together (the contract's longest text is 10,000). */
  maxChars: 256_000,
  maxKeysPerObject: 500,
} as const;

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export type GuardVerdict = { ok: true } | { ok: false; reason: string };

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function guardPayload(payload: unknown): GuardVerdict {
  let nodes = 0;
  let chars = 0;
  // Iterative walk: a hostile payload must not be able to overflow the stack.
  const stack: { value: unknown; depth: number }[] = [{ value: payload, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    nodes += 1;
    if (nodes > payloadLimits.maxNodes) return { ok: false, reason: 'too many values' };
    if (value === null || value === undefined) continue;
    switch (typeof value) {
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(value)) return { ok: false, reason: 'a number that is not finite' };
        continue;
      case 'string':
        chars += value.length;
        if (chars > payloadLimits.maxChars) return { ok: false, reason: 'too large' };
        continue;
      case 'object':
        break;
      default:
        return { ok: false, reason: `a ${typeof value} is not data` };
    }
    if (depth >= payloadLimits.maxDepth) return { ok: false, reason: 'nested too deeply' };
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype) {
        return { ok: false, reason: 'not plain data' };
      }
      for (const item of value as unknown[]) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    if (!isPlainObject(value)) return { ok: false, reason: 'not plain data' };
    // Own keys including non-enumerable ones and symbols: nothing hides from the check.
    const keys = Reflect.ownKeys(value);
    if (keys.length > payloadLimits.maxKeysPerObject) return { ok: false, reason: 'too many keys' };
    for (const key of keys) {
      if (typeof key !== 'string') return { ok: false, reason: 'a symbol key' };
      if (forbiddenKeys.has(key)) return { ok: false, reason: `the key "${key}"` };
      chars += key.length;
      if (chars > payloadLimits.maxChars) return { ok: false, reason: 'too large' };
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (!descriptor || !('value' in descriptor)) return { ok: false, reason: 'an accessor' };
      stack.push({ value: descriptor.value, depth: depth + 1 });
    }
  }
  return { ok: true };
}
