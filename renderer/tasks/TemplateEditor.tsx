import { useState } from 'react';
import type { TaskTemplate } from '../../shared/drchrono';
import { Button } from '../ui';
import { assigneeName, categoryName, priorityName, type TaskMeta } from './names';
import { describeOffset } from './task-form';
import { TemplateForm } from './TemplateForm';

/** Task templates: the defaults "New task from template" fills in. */
export function TemplateEditor({ meta, onChanged }: { meta: TaskMeta; onChanged: () => void }) {
  const [editing, setEditing] = useState<TaskTemplate | 'new' | null>(null);
  return (
    <div className="fd-rec-stack">
      <table className="fd-table">
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Title</th>
            <th scope="col">Priority</th>
            <th scope="col">Assigned to</th>
            <th scope="col">Category</th>
            <th scope="col">Due after</th>
            <th scope="col">
              <span className="fd-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {meta.templates.map((t) => (
            <tr key={t.id} className={t.archived ? 'fd-rec-row--inactive' : undefined}>
              <td>
                {t.name}
                {t.archived ? ' (archived)' : ''}
              </td>
              <td>{t.default_title || '—'}</td>
              <td>{priorityName(t.default_priority)}</td>
              <td>
                {assigneeName(
                  {
                    assignee_user: t.default_assignee_user,
                    assignee_group: t.default_assignee_group,
                  },
                  meta,
                )}
              </td>
              <td>{categoryName(t.defatul_category ?? t.default_category, meta)}</td>
              <td>{describeOffset(t.default_due_date_offset)}</td>
              <td className="fd-rec-actions">
                <Button
                  size="small"
                  aria-label={`Edit template ${t.name}`}
                  onClick={() => {
                    setEditing(t);
                  }}
                >
                  Edit
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing === null ? (
        <Button
          onClick={() => {
            setEditing('new');
          }}
        >
          New template
        </Button>
      ) : (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          meta={meta}
          onDone={(changed) => {
            setEditing(null);
            if (changed) onChanged();
          }}
        />
      )}
    </div>
  );
}
