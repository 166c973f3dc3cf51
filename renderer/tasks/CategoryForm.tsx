import { taskCategoryWritable, type TaskCategory } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { CheckboxField, TextField, useZodForm } from '../forms';
import { SettingForm } from './SettingForm';
import { useSettingSave } from './useSettingSave';

/** Adds or renames a category, or archives it (saved at once: settings are not queued). */
export function CategoryForm({
  category,
  onDone,
}: {
  category: TaskCategory | null;
  onDone: (changed: boolean) => void;
}) {
  const api = useFrontdesk();
  const form = useZodForm(taskCategoryWritable, {
    name: category?.name ?? '',
    archived: category?.archived === true,
  });
  const { message, settle } = useSettingSave(form, onDone);
  return (
    <SettingForm
      form={form}
      label={category ? `Edit category ${category.name}` : 'New category'}
      submitLabel="Save category"
      message={message}
      onSubmit={async (values) => {
        const reply = await api.tasks.saveCategory({
          ...(category ? { id: category.id } : {}),
          category: values,
        });
        settle(reply, {
          shownFields: ['name', 'archived'],
          done: `Category “${values.name}” saved`,
        });
      }}
      onCancel={() => {
        onDone(false);
      }}
    >
      <TextField name="name" label="Category name" required />
      {category ? <CheckboxField name="archived" label="Archived" /> : null}
    </SettingForm>
  );
}
