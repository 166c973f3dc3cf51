import type { InputHTMLAttributes } from 'react';
import { useFormContext } from 'react-hook-form';
import { FieldShell } from './FieldShell';
import { useFieldError } from './use-field-error';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name'> {
  name: string;
  label: string;
  hint?: string;
  /** Store the value as a number (or null when empty) instead of a string. */
  numeric?: boolean;
}

export function TextField({ name, label, hint, required, numeric, ...input }: TextFieldProps) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {(aria) => (
        <input
          className="fd-input"
          {...aria}
          {...input}
          {...register(
            name,
            numeric
              ? { setValueAs: (v: unknown) => (v === '' || v == null ? null : Number(v)) }
              : {},
          )}
        />
      )}
    </FieldShell>
  );
}
