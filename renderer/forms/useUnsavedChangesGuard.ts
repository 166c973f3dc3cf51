import { useLeaveGuard } from '../ui/useLeaveGuard';

/** Asks before leaving while the form holds edits that were not saved. */
export function useUnsavedChangesGuard(
  form: { formState: { isDirty: boolean } },
  saved = false,
): void {
  useLeaveGuard(form.formState.isDirty && !saved);
}
