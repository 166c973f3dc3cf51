import { useMemo, useState } from 'react';
import type { PatientSummary, Task } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import {
  FormDialog,
  SelectField,
  TextAreaField,
  TextField,
  CheckboxField,
  useZodForm,
} from '../forms';
import { useSaveReply } from '../patients/common/useSaveReply';
import { formatDayTime, fullName } from '../patients/common/format';
import { useToast } from '../ui';
import {
  newTask,
  taskEdit,
  taskFormFields,
  taskFormSchema,
  type TaskFormInput,
  type TaskFormOutput,
  type TaskLink,
} from './task-form';
import { TaskLinks } from './TaskLinks';
import { assigneeOptions, liveStatuses, priorityOptions, type TaskMeta } from './names';

function linksOf(
  task: Task | null,
  patients: Readonly<Record<string, PatientSummary>>,
): TaskLink[] {
  return (task?.associated_items ?? []).flatMap((item): TaskLink[] => {
    if (item.type === 'appointment') return [{ type: item.type, id: item.id }];
    if (item.type !== 'patient') return [];
    const known = patients[item.id];
    return [
      known
        ? { type: 'patient', id: item.id, label: fullName(known) }
        : { type: 'patient', id: item.id },
    ];
  });
}

/**
 * Creates or edits a task. drchrono's reference lists /api/tasks as read-only while describing
 * writes: the write is sent, and if drchrono refuses it the form stays open with what was typed.
 */
export function TaskDialog({
  task,
  patients,
  initialValues,
  initialLinks,
  meta,
  onClose,
  onSaved,
}: {
  /** null for a new task. */
  task: Task | null;
  /** Linked patients the roster knows, by id, to name them. */
  patients: Readonly<Record<string, PatientSummary>>;
  initialValues: TaskFormInput;
  /** For a new task: what it is created for (a patient or an appointment). */
  initialLinks?: TaskLink[];
  meta: TaskMeta;
  onClose: () => void;
  onSaved: () => void;
}) {
  const api = useFrontdesk();
  const toast = useToast();
  const handleReply = useSaveReply();
  const form = useZodForm(taskFormSchema, initialValues);
  const startLinks = useMemo(
    () => initialLinks ?? linksOf(task, patients),
    [initialLinks, task, patients],
  );
  const [links, setLinks] = useState<TaskLink[]>(startLinks);
  const [message, setMessage] = useState<string | null>(null);
  const statuses = liveStatuses(meta);
  const categories = meta.categories.filter((c) => c.archived !== true);

  const submit = async (values: TaskFormOutput) => {
    setMessage(null);
    if (!task) {
      const body = newTask(values, links);
      if (!body.success) {
        setMessage(body.error.issues.map((i) => i.message).join(' '));
        return;
      }
      const reply = await api.tasks.create({ task: body.data });
      setMessage(
        handleReply(reply, {
          setError: form.setError,
          shownFields: taskFormFields,
          done: `Task “${values.title}” created`,
          onSuccess: () => {
            form.reset(values);
            onSaved();
          },
        }),
      );
      return;
    }
    const initial = taskFormSchema.parse(initialValues);
    const { changes, base, count } = taskEdit(task, initial, values, startLinks, links);
    if (count === 0) {
      toast({ kind: 'info', message: 'Nothing was changed.' });
      onClose();
      return;
    }
    const reply = await api.tasks.update({ id: task.id, changes, base });
    setMessage(
      handleReply(reply, {
        setError: form.setError,
        shownFields: taskFormFields,
        done: 'Task saved',
        onSuccess: () => {
          form.reset(values);
          onSaved();
        },
      }),
    );
  };

  return (
    <FormDialog
      open
      title={task ? `Task: ${task.title}` : 'New task'}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={task ? 'Save task' : 'Create task'}
      message={message}
    >
      <TextField name="title" label="Title" required autoComplete="off" />
      <div className="fd-form__grid">
        <SelectField
          name="status"
          label="Status"
          required
          numeric
          placeholder="— choose —"
          options={statuses.map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          name="priority"
          label="Priority"
          numeric
          placeholder="None"
          options={priorityOptions}
        />
        <SelectField
          name="assignee"
          label="Assigned to"
          required
          placeholder="— choose a person or group —"
          options={assigneeOptions(meta)}
        />
        <SelectField
          name="category"
          label="Category"
          numeric
          placeholder="None"
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        <TextField name="due_date" label="Due date" type="date" />
        <TextField name="due_time" label="Due time" type="time" hint="Optional" />
      </div>
      <TaskLinks links={links} onChange={setLinks} />
      {task?.notes && task.notes.length > 0 ? (
        <section aria-label="Notes so far" className="fd-rec-notes">
          <h3>Notes</h3>
          <ul>
            {task.notes.map((note, i) => (
              <li key={i}>
                <span className="fd-rec-muted">
                  {note.created_at ? formatDayTime(note.created_at) : ''}
                </span>{' '}
                {note.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <TextAreaField name="note" label={task ? 'Add a note' : 'Note'} />
      {task ? <CheckboxField name="archived" label="Archived (hidden from the list)" /> : null}
    </FormDialog>
  );
}
