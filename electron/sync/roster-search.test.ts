import { describe, expect, it } from 'vitest';
import { formatBirthDate, parseBirthDate } from '../../shared/time/birth-date';
import type { StoredPatient } from './desk-fields';
import { NameIndex, closeMatches, editDistance } from './name-index';
import { criteriaOf, fold, matchOf, matches, phoneDigits, serverFilters } from './roster-search';

const pena: StoredPatient = {
  id: 1,
  first_name: 'José',
  last_name: 'Peña-Quispe',
  date_of_birth: '1980-03-07',
};

const marisol: StoredPatient = {
  id: 2,
  first_name: 'Marisol',
  last_name: 'Quispe',
  date_of_birth: '1985-07-15',
  chart_id: 'QUMA000001',
  cell_phone: '(845) 555-0200',
  home_phone: '',
  email: 'marisol.quispe12@example.com',
};

const others: StoredPatient[] = [
  { id: 3, first_name: 'Maria', last_name: 'Quinn', cell_phone: '845-555-0201' },
  { id: 4, first_name: 'Mario', last_name: 'Sol', chart_id: 'SOMA000004' },
  { id: 5, first_name: 'Ann', last_name: 'Lee', home_phone: '+1 914 555 0200' },
  { id: 6, first_name: 'Anna', last_name: 'Levy' },
  { id: 7, first_name: 'Robert', last_name: 'Okafor' },
];
const roster = [pena, marisol, ...others];

const find = (text: string) => matches(pena, criteriaOf({ text }));
const ids = (text: string) =>
  roster.filter((p) => matches(p, criteriaOf({ text }))).map((p) => p.id);
const close = (text: string) => closeMatches(roster, criteriaOf({ text })).map((p) => p.id);

describe('roster search', () => {
  it('ignores case and accents', () => {
    expect(fold('  Peña  QUISPE ')).toBe('pena quispe');
    expect(find('pena')).toBe(true);
    expect(find('JOSE')).toBe(true);
    expect(find('quispe')).toBe(true);
  });

  it('reads "last, first", two words in either order, and birth dates', () => {
    expect(find('Peña, Jo')).toBe(true);
    expect(find('Jose, Pena')).toBe(false);
    expect(find('jose pena')).toBe(true);
    expect(find('pena jose')).toBe(true);
    expect(find('1980-03-07')).toBe(true);
    expect(find('3/7/1980')).toBe(true);
    expect(find('03/08/1980')).toBe(false);
    expect(parseBirthDate('12/31/1999')).toBe('1999-12-31');
  });

  it('reads a birth date typed the ways a desk types one', () => {
    for (const typed of [
      '1985-07-15',
      '07/15/1985',
      '7/15/1985',
      '7/15/85',
      '7-15-1985',
      '7.15.1985',
      '07151985',
      'Jul 15 1985',
      'July 15, 1985',
      '15 Jul 1985',
    ]) {
      expect(parseBirthDate(typed, 2026), typed).toBe('1985-07-15');
      expect(ids(typed), typed).toEqual([2]);
    }
    // Two-digit years are in the past: '26 is this year, '27 a century ago.
    expect(parseBirthDate('1/2/26', 2026)).toBe('2026-01-02');
    expect(parseBirthDate('1/2/27', 2026)).toBe('1927-01-02');
    expect(parseBirthDate('02/30/1980')).toBeNull();
    expect(parseBirthDate('13/01/1980')).toBeNull();
    expect(matchOf(marisol, criteriaOf({ text: '07/15/1985' }))).toBe('birth');
  });

  it('formats every birth date one way', () => {
    expect(formatBirthDate('1985-07-15')).toBe('07/15/1985');
    expect(formatBirthDate('1985-07-15T00:00:00')).toBe('07/15/1985');
    expect(formatBirthDate(null)).toBe('—');
    expect(formatBirthDate('unknown')).toBe('unknown');
  });

  it('compares phone numbers by their digits, whatever the format', () => {
    expect(phoneDigits('+1 (845) 555-0200')).toBe('8455550200');
    for (const typed of ['(845) 555-0200', '8455550200', '845-555-0200', '845.555.0200']) {
      expect(ids(typed), typed).toEqual([2]);
      expect(matchOf(marisol, criteriaOf({ text: typed }))).toBe('phone');
    }
    expect(ids('+1 845 555 0200')).toEqual([2]);
    // Seven digits are the local number: both patients whose number ends that way.
    expect(ids('555-0200')).toEqual([2, 5]);
    expect(ids('914 555 0200')).toEqual([5]);
    expect(ids('845-555-0209')).toEqual([]);
  });

  it('finds a chart ID, whole or its start, in any case', () => {
    expect(ids('QUMA000001')).toEqual([2]);
    expect(ids('quma000001')).toEqual([2]);
    expect(ids('SOMA')).toEqual([4]);
    expect(matchOf(marisol, criteriaOf({ text: 'QUMA000001' }))).toBe('chart');
    // A short number is neither a phone nor a name.
    expect(ids('0001')).toEqual([]);
  });

  it('finds an email by its start', () => {
    expect(ids('marisol.quispe12@')).toEqual([2]);
    expect(ids('Marisol.Quispe12@example.com')).toEqual([2]);
  });

  it('matches word starts, not the middle of names', () => {
    expect(find('ena')).toBe(false);
    expect(find('xyz')).toBe(false);
  });

  it('offers names one letter off when nothing starts with what was typed', () => {
    // Wrong, missing, extra and swapped letters.
    expect(close('Quispr')[0]).toBe(2);
    expect(close('Quspe')[0]).toBe(2);
    expect(close('Quisspe')[0]).toBe(2);
    expect(close('Qiuspe')[0]).toBe(2);
    expect(close('Marisl')[0]).toBe(2);
    expect(close('Marisol Quspe')).toEqual([2]);
    expect(close('Okafro')).toEqual([7]);
    expect(close('Quispe, Marisl')).toEqual([2]);
    // Nothing like it, and too short to guess: no guesses.
    expect(close('Zyxwv')).toEqual([]);
    expect(close('xq')).toEqual([]);
    // A phone number with a wrong digit is not guessed at.
    expect(close('845-555-0209')).toEqual([]);
  });

  it('counts a wrong, missing, extra or swapped letter as one edit', () => {
    expect(editDistance('quispe', 'quispe')).toBe(0);
    expect(editDistance('quispr', 'quispe')).toBe(1);
    expect(editDistance('quspe', 'quispe')).toBe(1);
    expect(editDistance('quisspe', 'quispe')).toBe(1);
    expect(editDistance('qiuspe', 'quispe')).toBe(1);
    expect(editDistance('okafro', 'okafor')).toBe(1);
    expect(editDistance('lee', 'levy')).toBe(2);
  });

  it('puts the one-letter typo first among 20 000 other names', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const word = () =>
      Array.from(
        { length: 4 + Math.floor(next() * 6) },
        () => letters[Math.floor(next() * 26)],
      ).join('');
    const many: StoredPatient[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: 100 + i,
      first_name: word(),
      last_name: word(),
    }));
    many.push(marisol);
    const index = new NameIndex(many);
    for (const typed of ['Qiuspe', 'Marisl Quispe', 'Quispe, Marsol']) {
      expect(index.closeMatches(criteriaOf({ text: typed }))[0]?.id, typed).toBe(2);
    }
  });

  it('sends drchrono what the user typed, as its filters, or nothing it cannot filter by', () => {
    expect(serverFilters({ text: 'Peña, José' })).toEqual({
      last_name: 'Peña',
      first_name: 'José',
    });
    expect(serverFilters({ text: 'José Peña' })).toEqual({ first_name: 'José', last_name: 'Peña' });
    expect(serverFilters({ text: 'Quispe' })).toEqual({ last_name: 'Quispe' });
    expect(serverFilters({ text: '3/7/1980' })).toEqual({ date_of_birth: '1980-03-07' });
    expect(serverFilters({ text: 'Mar 7 1980' })).toEqual({ date_of_birth: '1980-03-07' });
    expect(serverFilters({ text: 'a@example.com' })).toEqual({ email: 'a@example.com' });
    expect(serverFilters({ text: '(845) 555-0200' })).toBeNull();
    expect(serverFilters({ text: 'QUMA000001' })).toBeNull();
  });
});
