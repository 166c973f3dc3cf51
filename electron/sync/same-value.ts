import { isNaiveTimestamp, normalizeWall } from '../../shared/time/practice-time';

/**
 * Whether a value we sent and the value drchrono holds mean the same thing. drchrono answers in
 * its own spelling: decimals as strings ("25.00" for 25), "" or null for absent, timestamps with
 * seconds, ids as strings or numbers, nested objects with extra keys. Comparing naively would
 * turn every replay into a false conflict, or miss our own create when looking for it.
 */
export function sameValue(ours: unknown, theirs: unknown): boolean {
  if (isAbsent(ours) || isAbsent(theirs)) return isAbsent(ours) && isAbsent(theirs);
  if (typeof ours === 'number' || typeof theirs === 'number') {
    const a = Number(ours);
    const b = Number(theirs);
    return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) < 0.005;
  }
  if (typeof ours === 'string' && typeof theirs === 'string') {
    if (isNaiveTimestamp(ours) && isNaiveTimestamp(theirs)) {
      return normalizeWall(ours) === normalizeWall(theirs);
    }
    if (isDecimal(ours) && isDecimal(theirs)) return Number(ours) === Number(theirs);
    return ours.trim() === theirs.trim();
  }
  if (Array.isArray(ours) || Array.isArray(theirs)) {
    if (!Array.isArray(ours) || !Array.isArray(theirs) || ours.length !== theirs.length) {
      return false;
    }
    return ours.every((item, i) => sameValue(item, theirs[i]));
  }
  if (isRecord(ours) && isRecord(theirs)) {
    // Only the keys we wrote: drchrono fills nested objects with fields of its own.
    return Object.entries(ours).every(([key, value]) => sameValue(value, theirs[key]));
  }
  return ours === theirs;
}

function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function isDecimal(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value) && !/^-?0\d/.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
