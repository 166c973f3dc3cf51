import { useFormContext, useFormState } from 'react-hook-form';

/** The message zod put on a group of boxes (a list), e.g. "At least one diagnosis pointer". */
export function GroupError({ name }: { name: string }) {
  const { control } = useFormContext();
  const { errors } = useFormState({ control, name });
  const error = (
    errors as Record<string, { message?: unknown; root?: { message?: unknown } } | undefined>
  )[name];
  const message = error?.message ?? error?.root?.message;
  return typeof message === 'string' ? <p className="fd-field__error">{message}</p> : null;
}
