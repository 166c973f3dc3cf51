import { useState } from 'react';
import type { TaskCategory, TaskStatus } from '../../shared/drchrono';
import { statusCategories } from '../../shared/drchrono';
import { Button } from '../ui';
import { StatusForm } from './StatusForm';

/** Task statuses and the drchrono category each belongs to (Open, In progress, On hold, Complete). */
export function StatusEditor({
  statuses,
  categories,
  onChanged,
}: {
  statuses: readonly TaskStatus[];
  categories: readonly TaskCategory[];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<TaskStatus | 'new' | null>(null);
  return (
    <div className="fd-rec-stack">
      <table className="fd-table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Counts as</th>
            <th scope="col">Only for category</th>
            <th scope="col">
              <span className="fd-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s) => (
            <tr key={s.id} className={s.archived ? 'fd-rec-row--inactive' : undefined}>
              <td>
                {s.name}
                {s.archived ? ' (archived)' : ''}
              </td>
              <td>
                {(statusCategories as Record<string, string | undefined>)[
                  s.status_category ?? 'O'
                ] ?? s.status_category}
              </td>
              <td>{categories.find((c) => c.id === s.task_category)?.name ?? 'Any'}</td>
              <td className="fd-rec-actions">
                <Button
                  size="small"
                  aria-label={`Edit status ${s.name}`}
                  onClick={() => {
                    setEditing(s);
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
          New status
        </Button>
      ) : (
        <StatusForm
          key={editing === 'new' ? 'new' : editing.id}
          status={editing === 'new' ? null : editing}
          categories={categories}
          onDone={(changed) => {
            setEditing(null);
            if (changed) onChanged();
          }}
        />
      )}
    </div>
  );
}
