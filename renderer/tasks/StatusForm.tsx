import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { taskStatusWritable, type TaskCategory, type TaskStatus } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import {
  CheckboxField,
  FormMessage,
  SelectField,
  TextField,
  useUnsavedChangesGuard,
  useZodForm,
} from '../forms';
import { useSaveReply } from '../patients/common/useSaveReply';
import { Button } from '../ui';
import { statusCategoryOptions } from './names';

/** Adds or edits a task status (saved at once: settings are not queued). */
export function StatusForm({
  status,
  categories,
  onDone,
}: {
  status: TaskStatus | null;
  categories: readonly TaskCategory[];
  onDone: (changed: boolean) => void;
}) {
  const api = useFrontdesk();
  const handleReply = useSaveReply();
  const category = status?.status_category;
  const form = useZodForm(taskStatusWritable, {
    name: status?.name ?? '',
    status_category:
      category === 'O' || category === 'P' || category === 'H' || category === 'C' ? category : 'O',
    task_category: status?.task_category ?? null,
    archived: status?.archived === true,
  });
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useUnsavedChangesGuard(form, saved);
  return (
    <FormProvider {...form}>
      <form
        className="fd-form fd-rec-inline-form"
        aria-label={status ? `Edit status ${status.name}` : 'New status'}
        noValidate
        onSubmit={form.handleSubmit(async (values) => {
          const reply = await api.tasks.saveStatus({
            ...(status ? { id: status.id } : {}),
            status: values,
          });
          setMessage(
            handleReply(reply, {
              setError: form.setError,
              shownFields: ['name', 'status_category', 'task_category', 'archived'],
              done: `Status “${values.name}” saved`,
              onSuccess: () => {
                setSaved(true);
                onDone(true);
              },
            }),
          );
        })}
      >
        <FormMessage message={message} />
        <div className="fd-form__grid">
          <TextField name="name" label="Status name" required />
          <SelectField name="status_category" label="Counts as" options={statusCategoryOptions} />
          <SelectField
            name="task_category"
            label="Only for category"
            numeric
            placeholder="Any category"
            options={categories
              .filter((c) => c.archived !== true)
              .map((c) => ({ value: c.id, label: c.name }))}
          />
        </div>
        {status ? <CheckboxField name="archived" label="Archived" /> : null}
        <div className="fd-toolbar">
          <Button type="submit" variant="primary">
            Save status
          </Button>
          <Button
            onClick={() => {
              onDone(false);
            }}
          >
            Cancel
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
