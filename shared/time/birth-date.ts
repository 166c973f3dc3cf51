/**
 * Dates of birth as the desk reads and types them. One format everywhere (MM/DD/YYYY, as on a US
 * insurance card or ID), and the common ways people type one at a counter are all understood.
 */

const months = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // 02/30/1980 is not a date: Date would roll it into March.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A two-digit year is the most recent one not after `thisYear` (a birth date is in the past). */
function fullYear(text: string, thisYear: number): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  const century = Math.floor(thisYear / 100) * 100;
  return century + n > thisYear ? century - 100 + n : century + n;
}

function monthOf(word: string): number | null {
  const i = months.indexOf(word.slice(0, 3).toLowerCase() as (typeof months)[number]);
  return i >= 0 ? i + 1 : null;
}

/**
 * What a person typed as a date of birth → `YYYY-MM-DD`, or null when it is not one:
 * `1980-03-07`, `03/07/1980`, `3/7/80`, `3-7-1980`, `3.7.1980`, `03071980`, `Mar 7 1980`,
 * `March 7, 1980`, `7 Mar 1980`. Month first (US order), as the desk types it.
 */
export function parseBirthDate(text: string, thisYear = new Date().getFullYear()): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) return iso(fullYear(m[3] ?? '', thisYear), Number(m[1]), Number(m[2]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(t);
  if (m) {
    const month = monthOf(m[1] ?? '');
    return month ? iso(Number(m[3]), month, Number(m[2])) : null;
  }
  m = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(t);
  if (m) {
    const month = monthOf(m[2] ?? '');
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

/** `1980-03-07` (or a timestamp) → `03/07/1980`; empty → the dash; anything else as it came. */
export function formatBirthDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[2] ?? ''}/${m[3] ?? ''}/${m[1] ?? ''}` : value;
}
