import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '../ui';

export interface EditableColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/**
 * The shape every task setting shares: a table of records with an Edit button each, and below it
 * either "New …" or the form for the record being edited (one at a time, so the table stays put).
 * The form opens below the table, so the row being edited is marked, and focus goes back to the
 * button that opened the form when it closes.
 */
export function EditableTable<T extends { id: number; name: string; archived?: boolean | null }>({
  rows,
  noun,
  columns,
  renderForm,
  onChanged,
}: {
  rows: readonly T[];
  /** "category", "status", …: names the buttons. */
  noun: string;
  columns: readonly EditableColumn<T>[];
  /** The form for `row` (null: a new one); `onDone(changed)` closes it. */
  renderForm: (row: T | null, onDone: (changed: boolean) => void) => ReactNode;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const container = useRef<HTMLDivElement>(null);
  /** The `data-opens` of the button to focus once the form has closed. */
  const returnFocusTo = useRef<string | null>(null);
  const editingId = editing === null || editing === 'new' ? editing : editing.id;

  useEffect(() => {
    if (editing !== null || returnFocusTo.current === null) return;
    container.current
      ?.querySelector<HTMLElement>(`[data-opens="${returnFocusTo.current}"]`)
      ?.focus();
    returnFocusTo.current = null;
  }, [editing]);

  const open = (row: T | 'new') => {
    returnFocusTo.current = row === 'new' ? 'new' : String(row.id);
    setEditing(row);
  };
  const done = (changed: boolean) => {
    setEditing(null);
    if (changed) onChanged();
  };
  return (
    <div className="fd-rec-stack" ref={container}>
      <table className="fd-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
            <th scope="col">
              <span className="fd-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              className={
                [
                  row.archived ? 'fd-rec-row--inactive' : '',
                  row.id === editingId ? 'fd-rec-row--editing' : '',
                ]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              aria-current={row.id === editingId ? 'true' : undefined}
            >
              {columns.map((column) => (
                <td key={column.header}>{column.cell(row)}</td>
              ))}
              <td className="fd-rec-actions">
                <Button
                  size="small"
                  aria-label={`Edit ${noun} ${row.name}`}
                  data-opens={row.id}
                  onClick={() => {
                    open(row);
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
          data-opens="new"
          onClick={() => {
            open('new');
          }}
        >
          New {noun}
        </Button>
      ) : (
        <Fragment key={editing === 'new' ? 'new' : editing.id}>
          {renderForm(editing === 'new' ? null : editing, done)}
        </Fragment>
      )}
    </div>
  );
}
