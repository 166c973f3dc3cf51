/**
 * The "Office" select of the paperwork screens. With `allLabel` it offers an "all offices" choice
 * (null); without it, one office is always chosen.
 */
export function OfficeField({
  offices,
  value,
  onOffice,
  allLabel,
}: {
  offices: readonly { id: number; name: string }[];
  value: number | null;
  onOffice: (officeId: number | null) => void;
  allLabel?: string | undefined;
}) {
  return (
    <label className="fdp-inline">
      Office
      <select
        aria-label="Office"
        className="fd-select"
        value={value ?? ''}
        onChange={(e) => {
          onOffice(e.target.value === '' ? null : Number(e.target.value));
        }}
      >
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {offices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
