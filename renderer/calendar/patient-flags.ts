import type { PatientBrief } from '../../shared/contract';
import { inkOn, solidColour } from './colours';

/** A patient's alert flag as the calendar shows it ("Balance in collections"). */
export interface FlagMark {
  name: string;
  colour: string;
  /** The glyph's colour on it: white or near-black, whichever reads. */
  ink: string;
}

const none: readonly FlagMark[] = [];
const memo = new WeakMap<object, readonly FlagMark[]>();

/**
 * The flags main attached to a patient's brief, most important first; none when the practice's
 * flags are unknown (the flag types refused, or the patient not yet fetched with them).
 */
export function flagsOf(patient: PatientBrief | undefined): readonly FlagMark[] {
  const flags = patient?.flags;
  if (!flags || flags.length === 0) return none;
  let marks = memo.get(flags);
  if (!marks) {
    marks = [...flags]
      .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0))
      .map((f) => {
        const colour = solidColour(f.color, '#8f1e18');
        return { name: f.name, colour, ink: inkOn(colour) };
      });
    memo.set(flags, marks);
  }
  return marks;
}
