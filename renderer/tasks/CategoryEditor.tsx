import type { TaskCategory } from '../../shared/drchrono';
import { CategoryForm } from './CategoryForm';
import { EditableTable } from './EditableTable';

/** Task categories: rename, archive (drchrono keeps them on old tasks), add. */
export function CategoryEditor({
  categories,
  onChanged,
}: {
  categories: readonly TaskCategory[];
  onChanged: () => void;
}) {
  return (
    <EditableTable
      rows={categories}
      noun="category"
      columns={[
        { header: 'Category', cell: (c) => c.name },
        {
          header: 'State',
          cell: (c) => (c.archived ? 'Archived' : c.is_global ? 'Built in' : 'In use'),
        },
      ]}
      renderForm={(category, onDone) => <CategoryForm category={category} onDone={onDone} />}
      onChanged={onChanged}
    />
  );
}
