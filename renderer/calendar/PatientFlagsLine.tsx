import type { FlagMark } from './patient-flags';

/** The patient's alert flags on the appointment card ("Balance in collections"), if any. */
export function PatientFlagsLine({ flags }: { flags: readonly FlagMark[] }) {
  if (flags.length === 0) return null;
  return (
    <>
      <dt>{flags.length === 1 ? 'Flag' : 'Flags'}</dt>
      <dd className="fdc-card__flags">
        {flags.map((f) => (
          <span key={f.name} className="fdc-card__flag">
            <span
              className="fdc-pflag"
              aria-hidden="true"
              style={{ '--fdc-flag': f.colour, '--fdc-flag-ink': f.ink } as React.CSSProperties}
            >
              ⚑
            </span>
            {f.name}
          </span>
        ))}
      </dd>
    </>
  );
}
