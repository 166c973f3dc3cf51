import { describe, expect, it } from 'vitest';
import { checkPatch } from './patch-check';
import { sameValue } from './same-value';

describe('comparing with what drchrono holds before a replay', () => {
  it("reads drchrono's spellings as the same value", () => {
    expect(sameValue(25, '25.00')).toBe(true);
    expect(sameValue('25', '25.00')).toBe(true);
    expect(sameValue('2026-11-24T09:30', '2026-11-24T09:30:00')).toBe(true);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, added_by_drchrono: 'x' })).toBe(true);
    expect(sameValue('0123', '123')).toBe(false);
    expect(sameValue('Arrived', 'Checked In')).toBe(false);
  });

  it('sends fields still at their starting value, skips those already ours', () => {
    expect(
      checkPatch(
        { status: 'Arrived', notes: 'x' },
        { status: '', notes: '' },
        { status: '', notes: 'x' },
      ),
    ).toEqual({ kind: 'send', patch: { status: 'Arrived' } });
    expect(checkPatch({ status: 'Arrived' }, { status: '' }, { status: 'Arrived' })).toEqual({
      kind: 'applied',
    });
  });

  it('turns a field someone else changed into a conflict with both values', () => {
    expect(checkPatch({ status: 'Arrived' }, { status: '' }, { status: 'No Show' })).toEqual({
      kind: 'conflict',
      theirs: { status: 'No Show' },
      mine: { status: 'Arrived' },
    });
  });
});
