import { useState } from 'react';
import type { TaskCategory } from '../../shared/drchrono';
import { Button } from '../ui';
import { CategoryForm } from './CategoryForm';

/** Task categories: rename, archive (drchrono keeps them on old tasks), add. */
export function CategoryEditor({
  categories,
  onChanged,
}: {
  categories: readonly TaskCategory[];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<TaskCategory | 'new' | null>(null);
  return (
    <div className="fd-rec-stack">
      <table className="fd-table">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="fd-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.id} className={c.archived ? 'fd-rec-row--inactive' : undefined}>
              <td>{c.name}</td>
              <td>{c.archived ? 'Archived' : c.is_global ? 'Built in' : 'In use'}</td>
              <td className="fd-rec-actions">
                <Button
                  size="small"
                  aria-label={`Edit category ${c.name}`}
                  onClick={() => {
                    setEditing(c);
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
          New category
        </Button>
      ) : (
        <CategoryForm
          key={editing === 'new' ? 'new' : editing.id}
          category={editing === 'new' ? null : editing}
          onDone={(changed) => {
            setEditing(null);
            if (changed) onChanged();
          }}
        />
      )}
    </div>
  );
}
