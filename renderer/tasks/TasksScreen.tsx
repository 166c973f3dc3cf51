import { useMemo, useState } from 'react';
import type { Task } from '../../shared/drchrono';
import { useFrontdesk, useQuery } from '../bridge';
import '../patients/common/records.css';
import { queuedMessage } from '../patients/common/messages';
import { AreaErrorNotice, AvailabilityNote, Button, errorToast, Spinner, useToast } from '../ui';
import { completeStatus, openStatus, statusCategory } from './names';
import { TaskDialog } from './TaskDialog';
import { TaskFilters, noFilters, type TaskFilterValues } from './TaskFilters';
import { taskLinksFor } from './task-links';
import {
  practiceNow,
  taskValues,
  templateValues,
  type TaskFormInput,
  type TaskLink,
} from './task-form';
import { TaskSettingsDialog } from './TaskSettingsDialog';
import { TaskTable } from './TaskTable';

type Editing =
  { kind: 'new'; values: TaskFormInput; links: TaskLink[] } | { kind: 'edit'; task: Task } | null;

/**
 * The practice's shared task list: filters, create (blank or from a template, for a patient or an
 * appointment), edit, complete, and the categories/statuses/templates behind them.
 */
export function TasksScreen({
  taskId,
  newFor,
}: {
  taskId?: number;
  newFor?: { type: 'patient' | 'appointment'; id: string };
}) {
  const api = useFrontdesk();
  const toast = useToast();
  const practice = useQuery('practice:get', {});
  const meta = useQuery('tasks:meta', {}, { refreshOn: ['tasks'] });
  const [filters, setFilters] = useState<TaskFilterValues>(noFilters);
  const { hideDone, ...request } = filters;
  const list = useQuery('tasks:list', request, { refreshOn: ['tasks'] });
  const [settings, setSettings] = useState(false);
  const [template, setTemplate] = useState('');
  // What the navigation asked for opens once; closing it does not bring it back.
  const [editing, setEditing] = useState<Editing | 'from-nav'>(
    taskId !== undefined || newFor ? 'from-nav' : null,
  );
  // A new navigation target (another patient's "New task") opens its own dialog.
  const navKey = `${taskId ?? ''}|${newFor ? `${newFor.type}:${newFor.id}` : ''}`;
  const [seenNav, setSeenNav] = useState(navKey);
  if (seenNav !== navKey) {
    setSeenNav(navKey);
    setEditing(taskId !== undefined || newFor ? 'from-nav' : null);
  }

  // What "New task" was opened for, by name (the calendar card or a patient's page).
  const forPatient = useQuery(
    'patients:get',
    newFor?.type === 'patient' && /^\d+$/.test(newFor.id) ? { id: Number(newFor.id) } : null,
  );
  const forVisit = useQuery(
    'appointments:get',
    newFor?.type === 'appointment' ? { id: newFor.id } : null,
  );

  const fallback = useMemo(
    () => ({
      status: meta.data ? openStatus(meta.data) : null,
      assignee: practice.data ? `u:${practice.data.user.id}` : '',
    }),
    [meta.data, practice.data],
  );

  if ((meta.error && !meta.data) || (practice.error && !practice.data)) {
    const error = meta.error ?? practice.error;
    return (
      <div className="fd-rec-screen fd-rec-page">
        <h1>Tasks</h1>
        {error ? <AreaErrorNotice error={error} onRetry={meta.reload} /> : null}
      </div>
    );
  }
  if (!meta.data || !practice.data) {
    return (
      <div className="fd-rec-screen fd-rec-page">
        <Spinner label="Loading tasks" />
      </div>
    );
  }
  const m = meta.data;
  const today = practice.data.today;
  const zone = practice.data.timezone;
  const linksFor = taskLinksFor(newFor, forPatient.data?.patient, forVisit.data);

  let dialog: Editing = null;
  if (editing === 'from-nav') {
    const task = taskId !== undefined ? list.data?.tasks.find((t) => t.id === taskId) : undefined;
    if (task) dialog = { kind: 'edit', task };
    // Opens once the patient or visit it is for has a name (or could not be read).
    else if (newFor && !forPatient.loading && !forVisit.loading)
      dialog = { kind: 'new', values: taskValues(null, fallback), links: linksFor };
  } else dialog = editing;

  const done = completeStatus(m);
  const complete = async (task: Task) => {
    if (done === null) return;
    const reply = await api.tasks.update({
      id: task.id,
      changes: { status: done },
      base: { status: task.status },
    });
    if (!reply.ok) {
      toast(errorToast(reply.error));
      return;
    }
    toast(
      reply.value.state === 'queued'
        ? { kind: 'info', message: queuedMessage }
        : { kind: 'success', message: `“${task.title}” completed` },
    );
    list.reload();
  };

  const tasks = (list.data?.tasks ?? [])
    .filter((t) => !hideDone || statusCategory(t.status, m) !== 'C')
    .sort(
      (a, b) =>
        (a.due_date?.due_date ?? '9999').localeCompare(b.due_date?.due_date ?? '9999') ||
        (b.priority ?? 0) - (a.priority ?? 0),
    );
  const templates = m.templates.filter((t) => t.archived !== true);

  return (
    <div className="fd-rec-screen fd-rec-page">
      <header className="fd-rec-page-header">
        <h1>Tasks</h1>
        <div className="fd-toolbar">
          <Button
            variant="primary"
            onClick={() => {
              setEditing({ kind: 'new', values: taskValues(null, fallback), links: linksFor });
            }}
          >
            New task
          </Button>
          <label className="fd-visually-hidden" htmlFor="task-template">
            New task from a template
          </label>
          <select
            id="task-template"
            className="fd-select fd-rec-template-select"
            value={template}
            onChange={(e) => {
              const chosen = templates.find((t) => String(t.id) === e.target.value);
              setTemplate('');
              if (chosen) {
                setEditing({
                  kind: 'new',
                  // The template's due offset counts from now, in the practice's time.
                  values: templateValues(chosen, practiceNow(zone), fallback),
                  links: linksFor,
                });
              }
            }}
          >
            <option value="">New task from a template…</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <Button
            onClick={() => {
              setSettings(true);
            }}
          >
            Categories, statuses and templates
          </Button>
        </div>
      </header>
      <AvailabilityNote availability={m.availability?.categories} />
      <AvailabilityNote availability={m.availability?.statuses} />
      <AvailabilityNote availability={m.availability?.templates} />
      <TaskFilters meta={m} value={filters} onChange={setFilters} />
      {list.error ? <AreaErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Spinner label="Loading tasks" /> : null}
      {list.data ? (
        <>
          <p className="fd-rec-muted" role="status">
            {tasks.length} {tasks.length === 1 ? 'task' : 'tasks'}
          </p>
          <TaskTable
            tasks={tasks}
            patients={list.data.patients}
            meta={m}
            today={today}
            onOpen={(task) => {
              setEditing({ kind: 'edit', task });
            }}
            onComplete={done === null ? null : (task) => void complete(task)}
          />
        </>
      ) : null}
      {dialog ? (
        <TaskDialog
          key={dialog.kind === 'edit' ? `edit-${dialog.task.id}` : 'new'}
          task={dialog.kind === 'edit' ? dialog.task : null}
          patients={list.data?.patients ?? {}}
          initialValues={dialog.kind === 'edit' ? taskValues(dialog.task, fallback) : dialog.values}
          {...(dialog.kind === 'new' ? { initialLinks: dialog.links } : {})}
          meta={m}
          onClose={() => {
            setEditing(null);
          }}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
      {settings ? (
        <TaskSettingsDialog
          meta={m}
          onChanged={meta.reload}
          onClose={() => {
            setSettings(false);
          }}
        />
      ) : null}
    </div>
  );
}
