import type { StoredPatient } from './desk-fields';

/**
 * How the desk finds a patient in the cached roster: the way people type at a counter. Case and
 * accents do not matter ("pena" finds Peña), "Quispe, Mar" is last-name-comma-first, two words
 * are first and last in either order, and a birth date may be typed 1980-03-07 or 03/07/1980.
 */

export interface RosterQuery {
  text?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  dateOfBirth?: string | undefined;
}

interface Criteria {
  /** Each word must start a word of the name (first or last). */
  words: string[];
  first: string | null;
  last: string | null;
  dob: string | null;
}

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `1980-03-07`, `03/07/1980` or `3/7/1980` → `1980-03-07`; null for anything else. */
export function parseBirthDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (iso) return `${iso[1] ?? ''}-${iso[2] ?? ''}-${iso[3] ?? ''}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (us)
    return `${us[3] ?? ''}-${(us[1] ?? '').padStart(2, '0')}-${(us[2] ?? '').padStart(2, '0')}`;
  return null;
}

export function criteriaOf(query: RosterQuery): Criteria {
  const criteria: Criteria = {
    words: [],
    first: query.firstName ? fold(query.firstName) : null,
    last: query.lastName ? fold(query.lastName) : null,
    dob: query.dateOfBirth ?? null,
  };
  const text = query.text?.trim() ?? '';
  if (text === '') return criteria;
  const dob = parseBirthDate(text);
  if (dob) {
    criteria.dob = dob;
    return criteria;
  }
  if (text.includes(',')) {
    const [last = '', first = ''] = text.split(',', 2);
    criteria.last = fold(last) || criteria.last;
    criteria.first = fold(first) || criteria.first;
    return criteria;
  }
  criteria.words = fold(text).split(' ').filter(Boolean);
  return criteria;
}

export function isEmptyQuery(query: RosterQuery): boolean {
  const c = criteriaOf(query);
  return c.words.length === 0 && c.first === null && c.last === null && c.dob === null;
}

function startsAWord(name: string, prefix: string): boolean {
  return name.startsWith(prefix) || name.includes(` ${prefix}`) || name.includes(`-${prefix}`);
}

export function matches(patient: StoredPatient, criteria: Criteria): boolean {
  const first = fold(patient.first_name ?? '');
  const last = fold(patient.last_name ?? '');
  if (criteria.dob !== null && patient.date_of_birth !== criteria.dob) return false;
  if (criteria.first !== null && !startsAWord(first, criteria.first)) return false;
  if (criteria.last !== null && !startsAWord(last, criteria.last)) return false;
  const full = `${first} ${last}`;
  return criteria.words.every((word) => startsAWord(full, word));
}

export function byName(a: StoredPatient, b: StoredPatient): number {
  const key = (p: StoredPatient) => `${fold(p.last_name ?? '')}\u0000${fold(p.first_name ?? '')}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;
}

/** What to ask drchrono when the cache has nothing: its filters are partial and case-insensitive. */
export function serverFilters(query: RosterQuery): {
  first_name?: string;
  last_name?: string;
  date_of_birth?: string;
} {
  const c = criteriaOf(query);
  const out: { first_name?: string; last_name?: string; date_of_birth?: string } = {};
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
  return out;
}
