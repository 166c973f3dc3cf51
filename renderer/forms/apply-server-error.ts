import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { AppError } from '../../shared/result';

/**
 * Puts drchrono's 400 field errors next to the fields they name. Returns the message to show at
 * the top of the form: the general message, plus any field errors for fields the form does not show.
 */
export function applyServerError<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: AppError,
  shownFields: readonly string[],
): string {
  const orphans: string[] = [];
  for (const [field, message] of Object.entries(error.fields ?? {})) {
    if (shownFields.includes(field)) {
      setError(
        field as FieldPath<T>,
        { type: 'server', message },
        { shouldFocus: orphans.length === 0 },
      );
    } else {
      orphans.push(`${field.replace(/_/g, ' ')}: ${message}`);
    }
  }
  return [error.message, ...orphans].join(' ');
}
