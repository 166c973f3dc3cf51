import { describe, expect, it } from 'vitest';
import type { StoredPatient } from './desk-fields';
import { criteriaOf, fold, matches, parseBirthDate, serverFilters } from './roster-search';

const pena: StoredPatient = {
  id: 1,
  first_name: 'José',
  last_name: 'Peña-Quispe',
  date_of_birth: '1980-03-07',
};

const find = (text: string) => matches(pena, criteriaOf({ text }));

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

  it('matches word starts, not the middle of names', () => {
    expect(find('ena')).toBe(false);
    expect(find('xyz')).toBe(false);
  });

  it('sends drchrono what the user typed, as its filters', () => {
    expect(serverFilters({ text: 'Peña, José' })).toEqual({
      last_name: 'Peña',
      first_name: 'José',
    });
    expect(serverFilters({ text: 'José Peña' })).toEqual({ first_name: 'José', last_name: 'Peña' });
    expect(serverFilters({ text: 'Quispe' })).toEqual({ last_name: 'Quispe' });
    expect(serverFilters({ text: '3/7/1980' })).toEqual({ date_of_birth: '1980-03-07' });
  });
});
