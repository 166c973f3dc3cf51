import { sameValue } from './same-value';

export type PatchCheck =
  /** Every field already holds our value (an earlier attempt landed): nothing to send. */
  | { kind: 'applied' }
  /** Send these fields; fields already equal to ours were left out. */
  | { kind: 'send'; patch: Record<string, unknown> }
  /** Someone else changed fields we are changing: the user decides (reliability D28). */
  | { kind: 'conflict'; theirs: Record<string, unknown>; mine: Record<string, unknown> };

/**
 * Before a queued PATCH is replayed, compare it with the record drchrono holds now. For each field
 * we change: the server still has the value we started from → ours goes; it already has ours →
 * nothing to do; it has a third value → someone else changed it since, a conflict. Fields we did
 * not touch are never sent, so other people's edits to them simply stay (they merge).
 */
export function checkPatch(
  changes: Record<string, unknown>,
  base: Record<string, unknown> | null,
  current: Record<string, unknown>,
): PatchCheck {
  const patch: Record<string, unknown> = {};
  const theirs: Record<string, unknown> = {};
  const mine: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    const now = current[field];
    if (sameValue(value, now)) continue;
    const known = base !== null && Object.prototype.hasOwnProperty.call(base, field);
    if (!known || sameValue(base[field], now)) {
      patch[field] = value;
      continue;
    }
    theirs[field] = now ?? null;
    mine[field] = value;
  }
  if (Object.keys(theirs).length > 0) return { kind: 'conflict', theirs, mine };
  if (Object.keys(patch).length === 0) return { kind: 'applied' };
  return { kind: 'send', patch };
}
