import Fuse from 'fuse.js';
import type { StoredPatient } from './desk-fields';
import { fold, type Criteria } from './roster-search';

/**
 * Close spellings of names over the cached roster: what the desk finds when no name starts with
 * what was typed ("Quspe", "Marisl"). fuse.js proposes the candidates; true edit distance (a wrong,
 * missing, extra or swapped letter is one) orders them, so a one-letter typo comes first.
 *
 * The index holds each distinct name word once (a roster of 20 000 patients has far fewer distinct
 * names), built once per roster version: a search then costs milliseconds, not a pass of fuse.js
 * over every patient on main's event loop.
 */

/** fuse.js's score for a word one letter off stays under this for names of four letters and more. */
const FUZZY_THRESHOLD = 0.4;
/** Words shorter than this must start a name exactly: two letters one off match half the roster. */
const FUZZY_MIN_LENGTH = 3;
/** Candidates further than this many edits from every typed word are dropped as noise. */
const MAX_EDITS = 2;

/** Optimal string alignment distance: substitutions, insertions, deletions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
  }
  return (d[rows - 1] as number[])[cols - 1] ?? 0;
}

interface Hit {
  edits: number;
  /** The word matched is only part of a name ("quispe" of "Peña-Quispe"): ranked after whole names. */
  partial: number;
  score: number;
}

function better(a: Hit, b: Hit): boolean {
  return a.edits !== b.edits
    ? a.edits < b.edits
    : a.partial !== b.partial
      ? a.partial < b.partial
      : a.score < b.score;
}

export class NameIndex {
  private readonly owners = new Map<string, { id: number; partial: number }[]>();
  private readonly fuse: Fuse<string>;
  private readonly byId = new Map<number, StoredPatient>();

  constructor(patients: Iterable<StoredPatient>) {
    for (const p of patients) {
      this.byId.set(p.id, p);
      const whole = [fold(p.first_name ?? ''), fold(p.last_name ?? '')].filter(Boolean);
      const seen = new Set<string>();
      for (const name of whole) {
        const parts = name.split(/[\s-]+/).filter(Boolean);
        for (const word of parts) {
          if (seen.has(word)) continue;
          seen.add(word);
          const owner = { id: p.id, partial: parts.length > 1 ? 1 : 0 };
          const list = this.owners.get(word);
          if (list) list.push(owner);
          else this.owners.set(word, [owner]);
        }
      }
    }
    this.fuse = new Fuse([...this.owners.keys()], {
      threshold: FUZZY_THRESHOLD,
      includeScore: true,
      ignoreDiacritics: true,
    });
  }

  /** Per patient, how close its name comes to one typed word. */
  private word(word: string): Map<number, Hit> {
    const found = new Map<number, Hit>();
    const take = (token: string, hit: Omit<Hit, 'partial'>) => {
      for (const { id, partial } of this.owners.get(token) ?? []) {
        const had = found.get(id);
        const mine = { ...hit, partial };
        if (!had || better(mine, had)) found.set(id, mine);
      }
    };
    if (word.length < FUZZY_MIN_LENGTH) {
      for (const token of this.owners.keys()) {
        if (token.startsWith(word)) take(token, { edits: 0, score: 0 });
      }
      return found;
    }
    for (const result of this.fuse.search(word)) {
      const token = result.item;
      // A longer name that starts with what was typed is no typo ("Quis" → "Quispe").
      const edits = token.startsWith(word) ? 0 : editDistance(word, token);
      if (edits <= MAX_EDITS) take(token, { edits, score: result.score ?? 1 });
    }
    return found;
  }

  /**
   * Patients whose name has a word close to each typed word, fewest edits first ("Marisl Quspe"
   * finds Marisol Quispe). Names typed as words only: a typo in a phone number or chart ID is not
   * guessed at.
   */
  closeMatches(criteria: Criteria): StoredPatient[] {
    const words = [
      ...criteria.words,
      ...(criteria.last !== null ? [criteria.last] : []),
      ...(criteria.first !== null ? [criteria.first] : []),
    ].flatMap((w) => w.split(/[\s-]+/).filter(Boolean));
    if (words.length === 0 || criteria.phone !== null || criteria.email !== null) return [];
    if (words.every((w) => w.length < FUZZY_MIN_LENGTH)) return [];
    let total: Map<number, Hit> | null = null;
    for (const word of words) {
      const hits = this.word(word);
      const before: Map<number, Hit> | null = total;
      const next = new Map<number, Hit>();
      for (const [id, hit] of hits) {
        if (before === null) next.set(id, hit);
        else {
          const had = before.get(id);
          if (had) {
            next.set(id, {
              edits: had.edits + hit.edits,
              partial: had.partial + hit.partial,
              score: had.score + hit.score,
            });
          }
        }
      }
      total = next;
    }
    return [...(total ?? new Map<number, Hit>())]
      .flatMap(([id, hit]) => {
        const p = this.byId.get(id);
        if (!p) return [];
        if (criteria.dob !== null && p.date_of_birth?.slice(0, 10) !== criteria.dob) return [];
        return [{ p, hit }];
      })
      .sort((a, b) => (better(a.hit, b.hit) ? -1 : better(b.hit, a.hit) ? 1 : a.p.id - b.p.id))
      .map(({ p }) => p);
  }
}

/** One-off close spellings (tests, small lists); the roster keeps a `NameIndex` between searches. */
export function closeMatches(
  patients: Iterable<StoredPatient>,
  criteria: Criteria,
): StoredPatient[] {
  return new NameIndex(patients).closeMatches(criteria);
}
