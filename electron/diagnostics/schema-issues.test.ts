import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SchemaMismatch } from '../drchrono/observer';
import { describeIssues, jsonTypeOf, pageMismatch, reportMismatches } from './schema-issues';

const patient = z.object({
  id: z.int(),
  first_name: z.string(),
  date_of_birth: z.iso.date().nullable(),
  flags: z.array(z.object({ name: z.string() })),
  custom: z.record(z.string(), z.number()),
});

describe('schema failures described without values', () => {
  it('gives the path, what was expected and the JSON type seen, never the value', () => {
    const input = {
      id: 7,
      first_name: 42,
      date_of_birth: '04/02/1955',
      flags: [{ name: 'VIP' }, { name: null }],
      custom: { 'Marisol Quispe': 'x' },
    };
    const parsed = patient.safeParse(input);
    if (parsed.success) throw new Error('should fail');
    const issues = describeIssues(parsed.error, input, 'results[]');
    expect(issues).toEqual([
      { schemaPath: 'results[].first_name', expected: 'string', seen: 'number' },
      { schemaPath: 'results[].date_of_birth', expected: 'format date', seen: 'string' },
      { schemaPath: 'results[].flags[].name', expected: 'string', seen: 'null' },
    ]);
    const text = JSON.stringify(issues);
    for (const value of ['04/02/1955', '1955', 'VIP', '42']) expect(text).not.toContain(value);
  });

  it('hides keys that do not read like field names', () => {
    const input = {
      id: 1,
      first_name: 'a',
      date_of_birth: null,
      flags: [],
      custom: { 'Ann Lee': 'x' },
    };
    const parsed = patient.safeParse(input);
    if (parsed.success) throw new Error('should fail');
    expect(describeIssues(parsed.error, input)).toEqual([
      { schemaPath: 'custom.?', expected: 'number', seen: 'string' },
    ]);
  });

  it('names JSON types, and what a list answer held instead of a page', () => {
    expect([undefined, null, 'a', 1, true, [], {}].map(jsonTypeOf)).toEqual([
      'missing',
      'null',
      'string',
      'number',
      'boolean',
      'array',
      'object',
    ]);
    expect(pageMismatch('<html>Forbidden</html>')).toEqual({
      schemaPath: '(the whole answer)',
      expected: 'object',
      seen: 'string',
    });
    expect(pageMismatch({ detail: 'x' })).toEqual({
      schemaPath: 'results',
      expected: 'array',
      seen: 'missing',
    });
  });

  it('reports to the observer with the list’s template, and survives an observer that throws', () => {
    const seen: SchemaMismatch[] = [];
    reportMismatches(
      { schemaMismatch: (m) => seen.push(m) },
      new URL('https://drchrono.com/api/patients?last_name=Quispe'),
      [{ schemaPath: 'results[].id', expected: 'int', seen: 'string' }],
    );
    expect(seen).toEqual([
      {
        method: 'GET',
        path: '/api/patients?…',
        schemaPath: 'results[].id',
        expected: 'int',
        seen: 'string',
      },
    ]);
    expect(() => {
      reportMismatches(
        {
          schemaMismatch: () => {
            throw new Error('disk full');
          },
        },
        new URL('https://drchrono.com/api/patients'),
        [{ schemaPath: 'results', expected: 'array', seen: 'null' }],
      );
    }).not.toThrow();
  });
});
