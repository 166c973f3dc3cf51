import { EditableTable } from './EditableTable';
import { assigneeName, categoryName, priorityName, type TaskMeta } from './names';
import { describeOffset } from './task-form';
import { TemplateForm } from './TemplateForm';

/** Task templates: the defaults "New task from template" fills in. */
export function TemplateEditor({ meta, onChanged }: { meta: TaskMeta; onChanged: () => void }) {
  return (
    <EditableTable
      rows={meta.templates}
      noun="template"
      columns={[
        { header: 'Template', cell: (t) => `${t.name}${t.archived ? ' (archived)' : ''}` },
        { header: 'Title', cell: (t) => t.default_title || '—' },
        { header: 'Priority', cell: (t) => priorityName(t.default_priority) },
        {
          header: 'Assigned to',
          cell: (t) =>
            assigneeName(
              {
                assignee_user: t.default_assignee_user,
                assignee_group: t.default_assignee_group,
              },
              meta,
            ),
        },
        {
          header: 'Category',
          cell: (t) => categoryName(t.defatul_category ?? t.default_category, meta),
        },
        { header: 'Due after', cell: (t) => describeOffset(t.default_due_date_offset) },
      ]}
      renderForm={(template, onDone) => (
        <TemplateForm template={template} meta={meta} onDone={onDone} />
      )}
      onChanged={onChanged}
    />
  );
}
