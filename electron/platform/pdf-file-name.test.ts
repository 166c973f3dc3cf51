import { describe, expect, it } from 'vitest';
import { safeFileName } from './pdf-file-name';

describe('the PDF file name', () => {
  it('names the PDF without path separators or control characters', () => {
    expect(safeFileName('Day sheet 2026-12-07 · Main/Exam 2')).toBe(
      'Day sheet 2026-12-07 - Main - Exam 2',
    );
    expect(safeFileName('../../etc\u0000')).toBe('.. - .. - etc');
    expect(safeFileName('')).toBe('Frontdesk');
  });
});
