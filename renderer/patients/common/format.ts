/**
 * Display helpers. drchrono dates and times are practice wall times with no zone: they are shown
 * as written, formatted through UTC so the machine's own zone can never shift a day or an hour.
 */

const dateFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});
const dayTimeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

function utcOf(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return null;
  return new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)),
  );
}

/** "2026-11-22" → "Nov 22, 2026"; anything unreadable is shown as it came. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = utcOf(value);
  return d ? dateFormat.format(d) : value;
}

/** "2026-11-23T09:30:00" → "Mon, Nov 23, 2026, 9:30 AM" (practice time, as drchrono gives it). */
export function formatDayTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = utcOf(value);
  return d ? dayTimeFormat.format(d) : value;
}

/** Whole years between a birth date and the practice's today. */
export function ageOn(dateOfBirth: string | null | undefined, today: string): number | null {
  if (!dateOfBirth || !/^\d{4}-\d{2}-\d{2}/.test(dateOfBirth)) return null;
  const [by, bm, bd] = dateOfBirth.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return age >= 0 ? age : null;
}

export function fullName(
  person:
    | { first_name?: string | null; middle_name?: string | null; last_name?: string | null }
    | null
    | undefined,
  fallback = 'Unnamed patient',
): string {
  if (!person) return fallback;
  const name = [person.first_name, person.middle_name, person.last_name]
    .filter((part) => part && part.trim())
    .join(' ');
  return name || fallback;
}

/** Shown for a value drchrono left empty. */
export function orDash(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const text = String(value).trim();
  return text === '' ? '—' : text;
}
