import { parseBirthDate } from '../../shared/time/birth-date';
import type { StoredPatient } from './desk-fields';

export { parseBirthDate };

/**
 * How the desk finds a patient in the cached roster: the way people type at a counter. Case and
 * accents do not matter ("pena" finds Peña), "Quispe, Mar" is last-name-comma-first, two words
 * are first and last in either order, a birth date may be typed 1980-03-07, 03/07/1980 or
 * Mar 7 1980, a phone number in any format (only its digits count), a chart ID or an email as is.
 * When no name starts with what was typed, names one letter off are offered (see name-index.ts).
 */

export interface RosterQuery {
  text?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  dateOfBirth?: string | undefined;
}

/** What a roster hit matched on: the screens say "close spelling" for `close`. */
export type MatchKind = 'name' | 'close' | 'phone' | 'chart' | 'birth' | 'email';

export interface Criteria {
  /** Each word must start a word of the name (first or last). */
  words: string[];
  first: string | null;
  last: string | null;
  dob: string | null;
  /** The digits of a typed phone number (without a leading US 1). */
  phone: string | null;
  /** A single typed token that may be (the start of) a chart ID, upper-cased. */
  chart: string | null;
  email: string | null;
}

/** A phone number needs at least this many digits: fewer are a chart ID or a typo. */
const PHONE_MIN_DIGITS = 7;

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Only the digits, without the US country code: "+1 (845) 555-0200" → "8455550200". */
export function phoneDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

function emptyCriteria(query: RosterQuery): Criteria {
  return {
    words: [],
    first: query.firstName ? fold(query.firstName) : null,
    last: query.lastName ? fold(query.lastName) : null,
    dob: query.dateOfBirth ?? null,
    phone: null,
    chart: null,
    email: null,
  };
}

export function criteriaOf(query: RosterQuery): Criteria {
  const criteria = emptyCriteria(query);
  const text = query.text?.trim() ?? '';
  if (text === '') return criteria;
  const dob = parseBirthDate(text);
  if (dob) return { ...criteria, dob };
  if (/^[\d\s().+-]+$/.test(text) && phoneDigits(text).length >= PHONE_MIN_DIGITS) {
    return { ...criteria, phone: phoneDigits(text) };
  }
  if (text.includes('@')) return { ...criteria, email: text.toLowerCase() };
  if (text.includes(',')) {
    const [last = '', first = ''] = text.split(',', 2);
    criteria.last = fold(last) || criteria.last;
    criteria.first = fold(first) || criteria.first;
    return criteria;
  }
  if (/^[A-Za-z0-9-]{3,}$/.test(text)) criteria.chart = text.toUpperCase();
  // A token with digits is no name: only a chart ID can start with it.
  if (/\d/.test(text) && criteria.chart !== null) return criteria;
  criteria.words = fold(text).split(' ').filter(Boolean);
  return criteria;
}

export function isEmptyQuery(query: RosterQuery): boolean {
  const c = criteriaOf(query);
  return (
    c.words.length === 0 &&
    c.first === null &&
    c.last === null &&
    c.dob === null &&
    c.phone === null &&
    c.chart === null &&
    c.email === null
  );
}

function startsAWord(name: string, prefix: string): boolean {
  return name.startsWith(prefix) || name.includes(` ${prefix}`) || name.includes(`-${prefix}`);
}

function phoneMatches(patient: StoredPatient, digits: string): boolean {
  return [patient.cell_phone, patient.home_phone].some((phone) => {
    const own = phone ? phoneDigits(phone) : '';
    // Seven digits are a local number: the patient's number ends with them.
    return own !== '' && (own === digits || (digits.length < 10 && own.endsWith(digits)));
  });
}

/** What the patient matched on, or null when it does not match. */
export function matchOf(patient: StoredPatient, criteria: Criteria): MatchKind | null {
  if (criteria.phone !== null) return phoneMatches(patient, criteria.phone) ? 'phone' : null;
  if (criteria.email !== null) {
    return (patient.email ?? '').toLowerCase().startsWith(criteria.email) ? 'email' : null;
  }
  const first = fold(patient.first_name ?? '');
  const last = fold(patient.last_name ?? '');
  if (criteria.dob !== null && patient.date_of_birth?.slice(0, 10) !== criteria.dob) return null;
  if (criteria.first !== null && !startsAWord(first, criteria.first)) return null;
  if (criteria.last !== null && !startsAWord(last, criteria.last)) return null;
  if (
    criteria.chart !== null &&
    (patient.chart_id ?? '').toUpperCase().startsWith(criteria.chart)
  ) {
    return 'chart';
  }
  if (criteria.words.length === 0) {
    if (criteria.chart !== null) return null;
    return criteria.first === null && criteria.last === null && criteria.dob !== null
      ? 'birth'
      : 'name';
  }
  const full = `${first} ${last}`;
  return criteria.words.every((word) => startsAWord(full, word)) ? 'name' : null;
}

export function matches(patient: StoredPatient, criteria: Criteria): boolean {
  return matchOf(patient, criteria) !== null;
}

export function byName(a: StoredPatient, b: StoredPatient): number {
  const key = (p: StoredPatient) => `${fold(p.last_name ?? '')}\u0000${fold(p.first_name ?? '')}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;
}

/** drchrono's own filters for a query, or null when it has none for it (phone, chart ID). */
export function serverFilters(query: RosterQuery): {
  first_name?: string;
  last_name?: string;
  date_of_birth?: string;
  email?: string;
} | null {
  const c = criteriaOf(query);
  if (c.phone !== null) return null;
  const out: { first_name?: string; last_name?: string; date_of_birth?: string; email?: string } =
    {};
  if (c.email !== null) return { email: (query.text ?? '').trim() };
  if (c.dob) out.date_of_birth = c.dob;
  const raw = (query.text ?? '').trim();
  if (c.first !== null || c.last !== null) {
    // drchrono matches as typed: send what the user typed, not our folded form.
    const [last = '', first = ''] = raw.includes(',') ? raw.split(',', 2) : [];
    const lastName = query.lastName ?? last.trim();
    const firstName = query.firstName ?? first.trim();
    if (lastName) out.last_name = lastName;
    if (firstName) out.first_name = firstName;
  } else if (c.words.length === 1) {
    out.last_name = raw;
  } else if (c.words.length >= 2) {
    const words = raw.split(/\s+/);
    out.first_name = words[0] ?? '';
    out.last_name = words.slice(1).join(' ');
  }
  // A chart ID (letters and digits) has no drchrono filter: nothing left to ask by.
  return Object.keys(out).length > 0 ? out : null;
}
