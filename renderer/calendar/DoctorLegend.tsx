import type { DoctorMark } from './doctor-marks';

export interface DoctorLegendProps {
  marks: ReadonlyMap<number, DoctorMark>;
  /** The doctor filter: a chip shows one doctor's appointments, pressed again all of them. */
  doctorId: number | null;
  onDoctor: (doctorId: number | null) => void;
}

/** Which initials are which doctor, as on the blocks; each chip also filters to its doctor. */
export function DoctorLegend({ marks, doctorId, onDoctor }: DoctorLegendProps) {
  if (marks.size === 0) return null;
  return (
    <ul className="fdc-legend" aria-label="Doctors on the blocks">
      {[...marks.values()].map((m) => (
        <li key={m.id}>
          <button
            type="button"
            className="fdc-legend__item"
            aria-pressed={doctorId === m.id}
            title={doctorId === m.id ? 'Show every doctor' : `Show only ${m.name}`}
            onClick={() => {
              onDoctor(doctorId === m.id ? null : m.id);
            }}
          >
            <i className="fdc-doc" style={{ '--fdc-doc': m.colour } as React.CSSProperties}>
              {m.initials}
            </i>
            <span className="fdc-legend__dr">Dr. </span>
            {m.name.split(' ').at(-1)}
          </button>
        </li>
      ))}
    </ul>
  );
}
