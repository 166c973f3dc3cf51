import type { Doctor } from '../../shared/drchrono';

/** How a doctor is told apart on a block and in the legend: initials in the doctor's colour. */
export interface DoctorMark {
  id: number;
  initials: string;
  /** "Dr. Amara Okafor". */
  name: string;
  colour: string;
}

/**
 * Dark enough for 4.5:1 as text on white and on the blocks' pale tints, and apart from the status
 * colours' hues where possible (the stripe is status, the chip is the doctor).
 */
const palette = ['#6a1b9a', '#00695c', '#ad1457', '#283593', '#6d4c41', '#2e7d32', '#9a4a00'];

function letters(d: Doctor, lastLetters: number): string {
  const first = d.first_name.trim().charAt(0);
  const last = d.last_name.trim().slice(0, lastLetters);
  return (first + last).toUpperCase() || '?';
}

/**
 * One mark per doctor, in the order of their ids so a doctor keeps the same colour on every
 * workstation and after a restart. Initials that two doctors share take more of the last name.
 */
export function doctorMarks(doctors: readonly Doctor[]): ReadonlyMap<number, DoctorMark> {
  const sorted = [...doctors].sort((a, b) => a.id - b.id);
  const marks = new Map<number, DoctorMark>();
  sorted.forEach((d, i) => {
    let initials = letters(d, 1);
    for (let n = 2; n <= 3 && sorted.some((o) => o !== d && letters(o, 1) === letters(d, 1)); n++)
      initials = letters(d, n);
    marks.set(d.id, {
      id: d.id,
      initials,
      name: `Dr. ${[d.first_name, d.last_name].filter(Boolean).join(' ')}`,
      colour: palette[i % palette.length] ?? '#283593',
    });
  });
  return marks;
}
