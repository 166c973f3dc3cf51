import { unnamedFlag } from '../../shared/contract';
import type { FlagMark } from './patient-flags';

/**
 * The patient's alert flags on the appointment card ("Balance in collections"), if any. When the
 * practice's flag types could not be read, `hint` says why the names are missing ("Alert flag").
 */
export function PatientFlagsLine({
  flags,
  hint,
}: {
  flags: readonly FlagMark[];
  hint?: string | null | undefined;
}) {
  if (flags.length === 0) return null;
  return (
    <>
      <dt>{flags.length === 1 ? 'Flag' : 'Flags'}</dt>
      <dd className="fdc-card__flags">
        {flags.map((f, i) => (
          <span key={`${String(i)}-${f.name}`} className="fdc-card__flag">
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
        {/* Only where a name is missing: named flags need no excuse. */}
        {hint && flags.some((f) => f.name === unnamedFlag) ? (
          <span className="fd-field__hint fdc-card__flags-hint">{hint}</span>
        ) : null}
      </dd>
    </>
  );
}
