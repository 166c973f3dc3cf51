import { useId, type ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { Button, Dialog } from '../ui';
import { FormMessage } from './FormMessage';
import { useConfirmDiscard } from './useConfirmDiscard';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';

export interface FormDialogProps<In extends FieldValues, Out> {
  open: boolean;
  title: string;
  description?: string;
  form: UseFormReturn<In, unknown, Out>;
  onSubmit: (values: Out) => Promise<void>;
  /** Called once the user agreed to close (asked first when the form holds unsaved changes). */
  onClose: () => void;
  submitLabel: string;
  /** The form-level message: drchrono's refusal, or a warning. */
  message: string | null;
  /** The refusal's Details line (`AppError.detail`). */
  detail?: string | undefined;
  children: ReactNode;
  /** Shown before the form (e.g. the insurance warning). */
  notice?: ReactNode;
  /** Another action for the footer, before Cancel (e.g. removing the record). */
  footerAction?: ReactNode;
  className?: string;
}

/**
 * A form in a modal: fields validated by zod before anything is sent, the submit button in
 * the footer, Escape / ✕ / Cancel asking before unsaved changes are thrown away, and the app's
 * leave guard armed while it is open and dirty.
 */
export function FormDialog<In extends FieldValues, Out>({
  open,
  title,
  description,
  form,
  onSubmit,
  onClose,
  submitLabel,
  message,
  detail,
  children,
  notice,
  footerAction,
  className,
}: FormDialogProps<In, Out>) {
  const formId = useId();
  const mayDiscard = useConfirmDiscard(form);
  useUnsavedChangesGuard(form, !open);
  const { isSubmitting } = form.formState;

  const requestClose = async () => {
    if (await mayDiscard()) onClose();
  };

  return (
    <Dialog
      open={open}
      title={title}
      {...(description ? { description } : {})}
      className={`fd-form-dialog ${className ?? ''}`}
      onClose={() => void requestClose()}
      footer={
        <>
          {footerAction}
          <Button onClick={() => void requestClose()}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : submitLabel}
          </Button>
        </>
      }
    >
      {notice}
      <FormProvider {...form}>
        <form id={formId} className="fd-form" noValidate onSubmit={form.handleSubmit(onSubmit)}>
          <FormMessage message={message} detail={detail} />
          {children}
        </form>
      </FormProvider>
    </Dialog>
  );
}
