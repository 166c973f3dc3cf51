import { taskStatusWritable, type TaskCategory, type TaskStatus } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { CheckboxField, SelectField, TextField, useZodForm } from '../forms';
import { statusCategoryOptions } from './names';
import { SettingForm } from './SettingForm';
import { useSettingSave } from './useSettingSave';

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
  const category = status?.status_category;
  const form = useZodForm(taskStatusWritable, {
    name: status?.name ?? '',
    status_category:
      category === 'O' || category === 'P' || category === 'H' || category === 'C' ? category : 'O',
    task_category: status?.task_category ?? null,
    archived: status?.archived === true,
  });
  const { message, settle } = useSettingSave(form, onDone);
  return (
    <SettingForm
      form={form}
      label={status ? `Edit status ${status.name}` : 'New status'}
      submitLabel="Save status"
      message={message}
      onSubmit={async (values) => {
        const reply = await api.tasks.saveStatus({
          ...(status ? { id: status.id } : {}),
          status: values,
        });
        settle(reply, {
          shownFields: ['name', 'status_category', 'task_category', 'archived'],
          done: `Status “${values.name}” saved`,
        });
      }}
      onCancel={() => {
        onDone(false);
      }}
    >
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
    </SettingForm>
  );
}
