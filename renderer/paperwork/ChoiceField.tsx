/**
 * An inline select of numbered choices for the paperwork toolbars (office, room, doctor). With
 * `allLabel` it offers an "all" choice, reported as null; without it, one is always chosen.
 */
export function ChoiceField({
  label,
  options,
  value,
  onChoose,
  allLabel,
}: {
  label: string;
  options: readonly { value: number; label: string }[];
  value: number | null;
  onChoose: (value: number | null) => void;
  allLabel?: string | undefined;
}) {
  return (
    <label className="fdp-inline">
      {label}
      <select
        aria-label={label}
        className="fd-select"
        value={value ?? ''}
        onChange={(e) => {
          onChoose(e.target.value === '' ? null : Number(e.target.value));
        }}
      >
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
