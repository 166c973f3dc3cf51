import type { SelectHTMLAttributes } from 'react';
import { useFormContext } from 'react-hook-form';
import { FieldShell } from './FieldShell';
import { useFieldError } from './use-field-error';

export interface SelectOption {
  value: string | number;
  label: string;
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> {
  name: string;
  label: string;
  options: readonly SelectOption[];
  hint?: string;
  /** A first, empty choice, e.g. "— none —". Its value is '' (or null for numeric fields). */
  placeholder?: string;
  /** Values are numbers (ids); the empty choice becomes null. */
  numeric?: boolean;
}

export function SelectField({
  name,
  label,
  options,
  hint,
  placeholder,
  numeric,
  required,
  ...rest
}: SelectFieldProps) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {(aria) => (
        <select
          className="fd-select"
          {...aria}
          {...rest}
          {...register(
            name,
            numeric
              ? { setValueAs: (v: unknown) => (v === '' || v == null ? null : Number(v)) }
              : {},
          )}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={String(option.value)} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
