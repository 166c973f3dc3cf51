/** Dark enough for white text (WCAG AA at small sizes) and far apart from each other. */
const palette = ['#1d5fa8', '#8a3b12', '#0d6b4f', '#6a3d9a', '#8c1d40', '#3d5a00', '#0b5f7a'];

export interface DoctorLabel {
  /** "AO": shown in the doctor's colour on every row. */
  initials: string;
  /** "Dr. Okafor". */
  short: string;
  colour: string;
}

interface DoctorLike {
  id: number;
  first_name: string;
  last_name: string;
}

/**
 * How the board names a doctor on a row: initials in a colour of their own (by the practice's
 * order of doctors, so every workstation draws the same colour) and the surname.
 */
export function doctorLabels(doctors: readonly DoctorLike[]): Map<number, DoctorLabel> {
  const labels = new Map<number, DoctorLabel>();
  doctors.forEach((doctor, index) => {
    const initials = `${doctor.first_name.trim().charAt(0)}${doctor.last_name.trim().charAt(0)}`;
    labels.set(doctor.id, {
      initials: initials.toUpperCase() || '?',
      short: `Dr. ${doctor.last_name.trim() || doctor.first_name.trim()}`,
      colour: palette[index % palette.length] ?? '#1d5fa8',
    });
  });
  return labels;
}

export const unknownDoctor: DoctorLabel = { initials: '?', short: 'Doctor', colour: '#4d5666' };
