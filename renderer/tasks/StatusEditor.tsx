import type { TaskCategory, TaskStatus } from '../../shared/drchrono';
import { statusCategories } from '../../shared/drchrono';
import { EditableTable } from './EditableTable';
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
  return (
    <EditableTable
      rows={statuses}
      noun="status"
      columns={[
        { header: 'Status', cell: (s) => `${s.name}${s.archived ? ' (archived)' : ''}` },
        {
          header: 'Counts as',
          cell: (s) =>
            (statusCategories as Record<string, string | undefined>)[s.status_category ?? 'O'] ??
            s.status_category,
        },
        {
          header: 'Only for category',
          cell: (s) => categories.find((c) => c.id === s.task_category)?.name ?? 'Any',
        },
      ]}
      renderForm={(status, onDone) => (
        <StatusForm status={status} categories={categories} onDone={onDone} />
      )}
      onChanged={onChanged}
    />
  );
}
