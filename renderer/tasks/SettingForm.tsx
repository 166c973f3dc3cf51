import { useEffect, useRef, type ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { FormMessage, useConfirmDiscard } from '../forms';
import { Button } from '../ui';

/**
 * The frame of a task-settings editor shown inline in its table: message, fields, Save, and a
 * Cancel that asks before throwing edits away.
 */
export function SettingForm<F extends FieldValues, Out>({
  form,
  label,
  submitLabel,
  message,
  onSubmit,
  onCancel,
  children,
}: {
  form: UseFormReturn<F, unknown, Out>;
  /** The form's accessible name, e.g. "Edit category Billing". */
  label: string;
  submitLabel: string;
  message: string | null;
  onSubmit: (values: Out) => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const mayDiscard = useConfirmDiscard(form);
  useEffect(() => {
    // It opens below the table, away from the Edit button that was pressed: take the user (and
    // the screen, focus scrolls) to its first field.
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  return (
    <FormProvider {...form}>
      <form
        ref={ref}
        className="fd-form fd-rec-inline-form"
        aria-label={label}
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
      >
        <FormMessage message={message} />
        {children}
        <div className="fd-toolbar">
          <Button type="submit" variant="primary">
            {submitLabel}
          </Button>
          <Button
            onClick={() => {
              void mayDiscard().then((close) => {
                if (close) onCancel();
              });
            }}
          >
            Cancel
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
