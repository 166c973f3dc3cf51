/**
 * Document names become file names, so they are checked, not trusted: no separators, no dots
 * that could climb out of the folder, nothing a caller could use to reach another file.
 */
const BASE = '[a-z0-9][a-z0-9_-]{0,99}';
const QUARANTINE_MARK = '.quarantined-';
const PREVIOUS_MARK = '.previous';
const namePattern = new RegExp(`^${BASE}(\\.quarantined-[0-9TZ]{15,24}(-\\d+)?|\\.previous)?$`);

export const DOCUMENT_SUFFIX = '.fdx';
export const KEY_FILE = 'data-key.wrapped';

export function assertDocumentName(name: string): void {
  if (!namePattern.test(name)) {
    throw new TypeError(`Not a valid document name: ${JSON.stringify(name.slice(0, 120))}`);
  }
}

/**
 * The name a document's ciphertext is bound to. A quarantined copy stays bound to the name it was
 * written under, so it can still be opened for recovery (e.g. an outbox whose schema changed).
 */
export function boundNameOf(name: string): string {
  if (name.endsWith(PREVIOUS_MARK)) return name.slice(0, -PREVIOUS_MARK.length);
  const mark = name.indexOf(QUARANTINE_MARK);
  return mark === -1 ? name : name.slice(0, mark);
}

/**
 * The generation a document had before its latest write (see `keepPrevious`): bound to the same
 * name, so it opens like the document itself when the latest copy is damaged.
 */
export function previousNameOf(name: string): string {
  return `${boundNameOf(name)}${PREVIOUS_MARK}`;
}

export function quarantineNameFor(name: string, now: number, attempt: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  return `${boundNameOf(name)}${QUARANTINE_MARK}${stamp}${attempt > 0 ? `-${String(attempt)}` : ''}`;
}

export function documentNameOfFile(file: string): string | null {
  if (!file.endsWith(DOCUMENT_SUFFIX)) return null;
  const name = file.slice(0, -DOCUMENT_SUFFIX.length);
  return namePattern.test(name) ? name : null;
}
