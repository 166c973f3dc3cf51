import type { TaskTemplate } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { CheckboxField, SelectField, TextAreaField, TextField, useZodForm } from '../forms';
import { assigneeOptions, liveStatuses, priorityOptions, type TaskMeta } from './names';
import {
  templateBody,
  templateFormSchema,
  templateFormValues,
  type TemplateFormOutput,
} from './template-form';
import { SettingForm } from './SettingForm';
import { useSettingSave } from './useSettingSave';

/** Adds or edits a task template: the defaults a new task gets (saved at once, not queued). */
export function TemplateForm({
  template,
  meta,
  onDone,
}: {
  template: TaskTemplate | null;
  meta: TaskMeta;
  onDone: (changed: boolean) => void;
}) {
  const api = useFrontdesk();
  const form = useZodForm(templateFormSchema, templateFormValues(template));
  const { message, setMessage, settle } = useSettingSave(form, onDone);

  const submit = async (values: TemplateFormOutput) => {
    const body = templateBody(values);
    if (!body.success) {
      setMessage(body.error.issues.map((i) => i.message).join(' '));
      return;
    }
    const reply = await api.tasks.saveTemplate({
      ...(template ? { id: template.id } : {}),
      template: body.data,
    });
    settle(reply, {
      shownFields: [
        'name',
        'default_title',
        'default_note',
        'default_priority',
        'default_status',
        'defatul_category',
      ],
      done: `Template “${values.name}” saved`,
    });
  };

  return (
    <SettingForm
      form={form}
      label={template ? `Edit template ${template.name}` : 'New template'}
      submitLabel="Save template"
      message={message}
      onSubmit={submit}
      onCancel={() => {
        onDone(false);
      }}
    >
      <div className="fd-form__grid">
        <TextField name="name" label="Template name" required />
        <TextField name="default_title" label="Task title" />
        <SelectField
          name="default_status"
          label="Status"
          numeric
          placeholder="—"
          options={liveStatuses(meta).map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          name="default_priority"
          label="Priority"
          numeric
          placeholder="—"
          options={priorityOptions}
        />
        <SelectField
          name="assignee"
          label="Assigned to"
          placeholder="—"
          options={assigneeOptions(meta)}
        />
        <SelectField
          name="defatul_category"
          label="Category"
          numeric
          placeholder="—"
          options={meta.categories
            .filter((c) => c.archived !== true)
            .map((c) => ({ value: c.id, label: c.name }))}
        />
        <TextField name="due_days" label="Due after (days)" inputMode="numeric" />
        <TextField name="due_hours" label="and hours" inputMode="numeric" />
      </div>
      <TextAreaField name="default_note" label="Note" />
      {template ? <CheckboxField name="archived" label="Archived" /> : null}
    </SettingForm>
  );
}
