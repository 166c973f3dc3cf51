import { describe, expect, it } from 'vitest';
import { applyOverlay, reconcile, type OverlayEntry } from './overlay';
import { testAppointment } from './testing/calendar-fixtures';

describe('the overlay of unconfirmed edits', () => {
  const a = testAppointment({ id: '1', exam_room: 1 });
  const b = testAppointment({ id: '2', exam_room: 2 });

  it('lays patches, removals and additions over the book, keeping untouched objects as they are', () => {
    const added = testAppointment({ id: '3' });
    const overlay = new Map<string, OverlayEntry>([
      ['1', { kind: 'patch', id: '1', patch: { exam_room: 3 }, settled: false, seen: 0 }],
      ['2', { kind: 'removed', id: '2', settled: false, seen: 0 }],
      ['3', { kind: 'added', id: '3', appointment: added, settled: true, seen: 0 }],
    ]);
    const shown = applyOverlay([a, b], overlay);
    expect(shown.map((x) => [x.id, x.exam_room])).toEqual([
      ['1', 3],
      ['3', 2],
    ]);
    const untouched = applyOverlay([a, b], new Map());
    expect(untouched[0]).toBe(a);
  });

  it('keeps an edit until the book carries it, and an unsent one whatever the book says', () => {
    const settled = new Map<string, OverlayEntry>([
      ['1', { kind: 'patch', id: '1', patch: { exam_room: 3 }, settled: true, seen: 0 }],
      ['2', { kind: 'patch', id: '2', patch: { exam_room: 1 }, settled: false, seen: 0 }],
    ]);
    // An answer already on its way with the old room: the settled edit stays one more answer.
    const once = reconcile(settled, [a, b]);
    expect([...once.keys()]).toEqual(['1', '2']);
    // The book now has it: it leaves; the unsent one stays.
    const twice = reconcile(once, [{ ...a, exam_room: 3 }, b]);
    expect([...twice.keys()]).toEqual(['2']);
    // Someone changed it again meanwhile: after one more answer the book wins.
    expect([...reconcile(once, [a, b]).keys()]).toEqual(['2']);
  });
});
