import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useFieldError } from './use-field-error';

export function CheckboxField({
  name,
  label,
  hint,
}: {
  name: string;
  label: string;
  hint?: string;
}) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = useId();
  return (
    <div className="fd-field">
      <label className="fd-checkbox" htmlFor={id}>
        <input id={id} type="checkbox" aria-invalid={Boolean(error)} {...register(name)} />
        {label}
      </label>
      {hint ? <span className="fd-field__hint">{hint}</span> : null}
      {error ? <span className="fd-field__error">{error}</span> : null}
    </div>
  );
}
