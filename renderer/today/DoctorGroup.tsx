import type { ReactNode } from 'react';
import type { DoctorLabel } from './doctor-label';

export interface DoctorGroupProps {
  /** Unique on the page: the column and the doctor ("waiting-8"). */
  id: string;
  doctor: DoctorLabel;
  count: number;
  children: ReactNode;
}

/** One doctor's visits inside a column ("group by doctor"): the doctor's mark, name and count. */
export function DoctorGroup({ id, doctor, count, children }: DoctorGroupProps) {
  const headingId = `fdt-group-${id}`;
  return (
    <li className="fdt-group">
      <h3 className="fdt-group__title" id={headingId}>
        <span className="fdt-doctor" style={{ background: doctor.colour }} aria-hidden="true">
          {doctor.initials}
        </span>
        {doctor.short} <span className="fdt-col__count">{count}</span>
      </h3>
      <ul className="fdt-group__list" aria-labelledby={headingId}>
        {children}
      </ul>
    </li>
  );
}
