import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { Result } from '../../shared/result';
import { useUnsavedChangesGuard } from '../forms';
import { useSaveReply } from '../patients/common/useSaveReply';

/**
 * What a task-settings editor does with main's answer (settings are saved at once, not queued):
 * a toast and `onDone(true)` when it went well, drchrono's messages next to the fields otherwise.
 * The leave guard stays armed until the save went through.
 */
export function useSettingSave<F extends FieldValues, Out>(
  form: UseFormReturn<F, unknown, Out>,
  onDone: (changed: boolean) => void,
) {
  const handleReply = useSaveReply();
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useUnsavedChangesGuard(form, saved);

  const settle = <T>(reply: Result<T>, what: { shownFields: readonly string[]; done: string }) => {
    setMessage(
      handleReply(reply, {
        setError: form.setError,
        ...what,
        onSuccess: () => {
          setSaved(true);
          onDone(true);
        },
      }),
    );
  };
  return { message, setMessage, settle };
}
