import { unnamedFlag } from '../../shared/contract';
import { useQuery } from '../bridge';
import { patientFlags } from '../patients/common/flags';

/**
 * The chosen patient's alert flags ("Balance in collections", "Needs interpreter") as one line in
 * the booking dialog. The flags come only with the full record (`verbose`), which main keeps once
 * read: one call the first time a patient is chosen, none after.
 */
export function BookingFlagsLine({
  patientId,
  hint,
}: {
  patientId: number;
  /** Why flag names may be missing (the practice's flag types could not be read), if so. */
  hint?: string | null | undefined;
}) {
  const record = useQuery(
    'patients:get',
    { id: patientId },
    { refreshOn: ['patients'], refreshIf: (c) => c.patients?.includes(patientId) ?? true },
  );
  if (record.error) {
    return (
      <p className="fd-field__hint fdc-patient-flags">
        Alert flags could not be read: {record.error.message}
      </p>
    );
  }
  if (!record.data) return null;
  const flags = patientFlags(record.data.patient);
  if (flags.length === 0) return null;
  return (
    <p className="fdc-patient-flags" aria-label={`Alerts: ${flags.map((f) => f.label).join(', ')}`}>
      <span aria-hidden="true">⚑</span>
      {flags.map((flag, i) => (
        <span
          key={`${String(i)}-${flag.label}`}
          className="fdc-patient-flag"
          style={flag.color ? { borderLeftColor: flag.color } : undefined}
        >
          {flag.label}
        </span>
      ))}
      {hint && flags.some((f) => f.label === unnamedFlag) ? (
        <span className="fd-field__hint fdc-patient-flags__hint">{hint}</span>
      ) : null}
    </p>
  );
}
