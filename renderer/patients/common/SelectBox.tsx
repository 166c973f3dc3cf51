import { useId } from 'react';

/** A labelled select outside any form (filters), whose empty choice reads "Any". */
export function SelectBox({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string | number; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="fd-field">
      <label className="fd-field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="fd-select"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        <option value="">Any</option>
        {options.map((o) => (
          <option key={String(o.value)} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
