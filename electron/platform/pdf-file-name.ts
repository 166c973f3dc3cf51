/** "Day sheet 2026-12-07 · Exam 2" → "Day sheet 2026-12-07 - Exam 2": no path separators. */
export function safeFileName(title: string): string {
  const printable = Array.from(title, (c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
  const cleaned = printable
    .replace(/[\\/:*?"<>|·]+/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return cleaned || 'Frontdesk';
}
