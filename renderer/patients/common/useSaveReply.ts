import { useCallback } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import type { AppError, Result } from '../../../shared/result';
import { applyServerError } from '../../forms';
import { useToast, type ToastInput } from '../../ui';
import { queuedMessage } from './messages';

export interface SaveReplyOptions<T, F extends FieldValues> {
  /** Where drchrono's 400 field messages go. */
  setError: UseFormSetError<F>;
  /** The fields the form shows, by the names drchrono uses. */
  shownFields: readonly string[];
  /** A nested form's path in drchrono's field names, e.g. "primary_insurance.", stripped from them. */
  fieldPrefix?: string;
  /** Said in the success toast, e.g. "Allergy added". */
  done: string;
  onSuccess: (value: T) => void;
  /** A button on the success toast, e.g. "Print receipt". */
  toastAction?: (value: T) => ToastInput['action'];
}

/** "changes.cell_phone" (the request's path, when main's own check refused it) → "cell_phone". */
function withoutRequestPrefix(error: AppError, nested = ''): AppError {
  if (!error.fields) return error;
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(error.fields)) {
    let name = key.replace(
      /^(changes|patient|record|task|lineItem|payment|category|status|template)\./,
      '',
    );
    if (nested && name.startsWith(nested)) name = name.slice(nested.length);
    fields[name] = message;
  }
  return { ...error, fields };
}

/**
 * What every records form does with main's answer: on success a toast (saved, or kept in the
 * outbox to be sent later) and `onSuccess`; on failure the messages go next to the fields drchrono
 * named and the rest to the top of the form, which keeps everything the user typed.
 * Returns the form-level message (null when it went well).
 */
export function useSaveReply() {
  const toast = useToast();
  return useCallback(
    <T, F extends FieldValues>(
      reply: Result<T>,
      options: SaveReplyOptions<T, F>,
    ): string | null => {
      if (reply.ok) {
        const value = reply.value as unknown;
        const queued =
          typeof value === 'object' &&
          value !== null &&
          'state' in value &&
          value.state === 'queued';
        const action = options.toastAction?.(reply.value);
        toast({
          ...(queued
            ? { kind: 'info', message: queuedMessage }
            : { kind: 'success', message: options.done }),
          ...(action ? { action, timeoutMs: 15_000 } : {}),
        });
        options.onSuccess(reply.value);
        return null;
      }
      const error = withoutRequestPrefix(reply.error, options.fieldPrefix);
      if (error.fields && Object.keys(error.fields).length > 0) {
        return applyServerError(options.setError, error, options.shownFields);
      }
      return error.message;
    },
    [toast],
  );
}
