import type { TextareaHTMLAttributes } from 'react';
import { useFormContext } from 'react-hook-form';
import { FieldShell } from './FieldShell';
import { useFieldError } from './use-field-error';

export interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'name'
> {
  name: string;
  label: string;
  hint?: string;
}

export function TextAreaField({ name, label, hint, required, ...rest }: TextAreaFieldProps) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <FieldShell label={label} hint={hint} error={error} required={required}>
      {(aria) => <textarea className="fd-textarea" {...aria} {...rest} {...register(name)} />}
    </FieldShell>
  );
}
