import { useId } from 'react';
import type { RequestOf } from '../../shared/contract';
import { SelectBox } from '../patients/common/SelectBox';
import { Button } from '../ui';
import { assigneeOptions, liveStatuses, priorityOptions, type TaskMeta } from './names';

export type TaskFilterValues = RequestOf<'tasks:list'> & { hideDone: boolean };

export const noFilters: TaskFilterValues = { hideDone: true };

/** The list's filters: drchrono's own (assignee, status, category, due range) plus priority and overdue. */
export function TaskFilters({
  meta,
  value,
  onChange,
}: {
  meta: TaskMeta;
  value: TaskFilterValues;
  onChange: (value: TaskFilterValues) => void;
}) {
  const id = useId();
  const set = (patch: Partial<TaskFilterValues>) => {
    const next = Object.fromEntries(
      Object.entries({ ...value, ...patch } as Record<string, unknown>).filter(
        ([, v]) => v !== undefined,
      ),
    );
    onChange(next as TaskFilterValues);
  };
  const assignee = value.assigneeUser
    ? `u:${value.assigneeUser}`
    : value.assigneeGroup
      ? `g:${value.assigneeGroup}`
      : '';
  return (
    <div className="fd-rec-filters" role="group" aria-label="Filter tasks">
      <SelectBox
        label="Assigned to"
        value={assignee}
        options={assigneeOptions(meta)}
        onChange={(v) => {
          const [kind, n] = v.split(':');
          set({
            assigneeUser: kind === 'u' ? Number(n) : undefined,
            assigneeGroup: kind === 'g' ? Number(n) : undefined,
          });
        }}
      />
      <SelectBox
        label="Status"
        value={value.status ? String(value.status) : ''}
        options={liveStatuses(meta).map((s) => ({ value: s.id, label: s.name }))}
        onChange={(v) => {
          set({ status: v ? Number(v) : undefined });
        }}
      />
      <SelectBox
        label="Category"
        value={value.category ? String(value.category) : ''}
        options={meta.categories
          .filter((c) => c.archived !== true)
          .map((c) => ({ value: c.id, label: c.name }))}
        onChange={(v) => {
          set({ category: v ? Number(v) : undefined });
        }}
      />
      <SelectBox
        label="Priority"
        value={value.priority ? String(value.priority) : ''}
        options={priorityOptions}
        onChange={(v) => {
          set({ priority: v ? (Number(v) as 10 | 20 | 30 | 40) : undefined });
        }}
      />
      <div className="fd-field">
        <label className="fd-field__label" htmlFor={`${id}-from`}>
          Due from
        </label>
        <input
          id={`${id}-from`}
          className="fd-input"
          type="date"
          value={value.dueFrom ?? ''}
          onChange={(e) => {
            set({ dueFrom: e.target.value || undefined });
          }}
        />
      </div>
      <div className="fd-field">
        <label className="fd-field__label" htmlFor={`${id}-to`}>
          Due to
        </label>
        <input
          id={`${id}-to`}
          className="fd-input"
          type="date"
          value={value.dueTo ?? ''}
          onChange={(e) => {
            set({ dueTo: e.target.value || undefined });
          }}
        />
      </div>
      <div className="fd-rec-filters__checks">
        <label className="fd-checkbox">
          <input
            type="checkbox"
            checked={value.overdue === true}
            onChange={(e) => {
              set({ overdue: e.target.checked || undefined });
            }}
          />
          Overdue only
        </label>
        <label className="fd-checkbox">
          <input
            type="checkbox"
            checked={value.hideDone}
            onChange={(e) => {
              set({ hideDone: e.target.checked });
            }}
          />
          Hide completed
        </label>
        <label className="fd-checkbox">
          <input
            type="checkbox"
            checked={value.includeArchived === true}
            onChange={(e) => {
              set({ includeArchived: e.target.checked || undefined });
            }}
          />
          Show archived
        </label>
      </div>
      <Button
        size="small"
        variant="ghost"
        onClick={() => {
          onChange(noFilters);
        }}
      >
        Clear filters
      </Button>
    </div>
  );
}
