import type { DoctorMark } from './doctor-marks';

/** Who sees the patient, with the initials the block shows. */
export function DoctorLine({ doctor }: { doctor: DoctorMark | null }) {
  if (!doctor) return null;
  return (
    <>
      <dt>Doctor</dt>
      <dd>
        <i
          className="fdc-doc"
          aria-hidden="true"
          style={{ '--fdc-doc': doctor.colour } as React.CSSProperties}
        >
          {doctor.initials}
        </i>{' '}
        {doctor.name}
      </dd>
    </>
  );
}
