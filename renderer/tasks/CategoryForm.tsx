import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { taskCategoryWritable, type TaskCategory } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import {
  CheckboxField,
  FormMessage,
  TextField,
  useUnsavedChangesGuard,
  useZodForm,
} from '../forms';
import { useSaveReply } from '../patients/common/useSaveReply';
import { Button } from '../ui';

/** Adds or renames a category, or archives it (saved at once: settings are not queued). */
export function CategoryForm({
  category,
  onDone,
}: {
  category: TaskCategory | null;
  onDone: (changed: boolean) => void;
}) {
  const api = useFrontdesk();
  const handleReply = useSaveReply();
  const form = useZodForm(taskCategoryWritable, {
    name: category?.name ?? '',
    archived: category?.archived === true,
  });
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useUnsavedChangesGuard(form, saved);
  return (
    <FormProvider {...form}>
      <form
        className="fd-form fd-rec-inline-form"
        aria-label={category ? `Edit category ${category.name}` : 'New category'}
        noValidate
        onSubmit={form.handleSubmit(async (values) => {
          const reply = await api.tasks.saveCategory({
            ...(category ? { id: category.id } : {}),
            category: values,
          });
          setMessage(
            handleReply(reply, {
              setError: form.setError,
              shownFields: ['name', 'archived'],
              done: `Category “${values.name}” saved`,
              onSuccess: () => {
                setSaved(true);
                onDone(true);
              },
            }),
          );
        })}
      >
        <FormMessage message={message} />
        <TextField name="name" label="Category name" required />
        {category ? <CheckboxField name="archived" label="Archived" /> : null}
        <div className="fd-toolbar">
          <Button type="submit" variant="primary">
            Save category
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
