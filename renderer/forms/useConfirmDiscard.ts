import { useConfirm } from '../ui';

/**
 * Asks before a form holding unsaved edits is thrown away (Cancel, ✕, Escape). The answer resolves
 * true when the form may close.
 */
export function useConfirmDiscard(form: {
  formState: { isDirty: boolean };
}): () => Promise<boolean> {
  const confirm = useConfirm();
  // Read while rendering: react-hook-form tracks only the form state a render asked for.
  const { isDirty } = form.formState;
  return async () =>
    !isDirty ||
    confirm({
      title: 'Discard changes?',
      message: 'What you typed in this form has not been saved.',
      confirmLabel: 'Discard changes',
      cancelLabel: 'Keep editing',
      danger: true,
    });
}
