import type { PatientSummary, Task } from '../../shared/drchrono';
import { formatDate, fullName } from '../patients/common/format';
import { Button, EmptyState, useNavigation } from '../ui';
import {
  assigneeName,
  categoryName,
  priorityName,
  statusCategory,
  statusName,
  type TaskMeta,
} from './names';

function due(task: Task): string {
  const date = task.due_date?.due_date;
  if (!date) return 'No due date';
  const time = task.due_date?.due_time?.slice(0, 5);
  return `${formatDate(date)}${time ? ` ${time}` : ''}`;
}

function patientLabel(
  id: string | number,
  patients: Readonly<Record<string, PatientSummary>>,
): string {
  return fullName(patients[String(id)], 'Patient');
}

/** The task list: open a task to edit it, complete it in one click, jump to what it is about. */
export function TaskTable({
  tasks,
  patients,
  meta,
  today,
  onOpen,
  onComplete,
}: {
  tasks: readonly Task[];
  /** Linked patients the roster knows, by id. */
  patients: Readonly<Record<string, PatientSummary>>;
  meta: TaskMeta;
  today: string;
  onOpen: (task: Task) => void;
  onComplete: ((task: Task) => void) | null;
}) {
  const { navigate } = useNavigation();
  if (tasks.length === 0) return <EmptyState>No tasks match these filters.</EmptyState>;
  return (
    <table className="fd-table fd-rec-tasks">
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Status</th>
          <th scope="col">Priority</th>
          <th scope="col">Due</th>
          <th scope="col">Assigned to</th>
          <th scope="col">Category</th>
          <th scope="col">
            <span className="fd-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => {
          const done = statusCategory(task.status, meta) === 'C';
          const dueDate = task.due_date?.due_date?.slice(0, 10);
          const overdue = !done && dueDate !== undefined && dueDate < today;
          const patient = task.associated_items?.find((i) => i.type === 'patient');
          const appointment = task.associated_items?.find((i) => i.type === 'appointment');
          return (
            <tr key={task.id} className={done ? 'fd-rec-row--inactive' : undefined}>
              <td>
                <button
                  type="button"
                  className="fd-rec-link"
                  onClick={() => {
                    onOpen(task);
                  }}
                >
                  {task.title}
                </button>
                {task.archived ? <span className="fd-badge"> archived</span> : null}
              </td>
              <td>
                <span
                  className={`fd-badge fd-rec-status--${(statusCategory(task.status, meta) ?? 'O').toLowerCase()}`}
                >
                  {statusName(task.status, meta)}
                </span>
              </td>
              <td
                className={
                  task.priority && task.priority >= 30 ? 'fd-rec-priority--high' : undefined
                }
              >
                {priorityName(task.priority)}
              </td>
              <td className={overdue ? 'fd-rec-overdue' : undefined}>
                {due(task)}
                {overdue ? <span className="fd-visually-hidden"> (overdue)</span> : null}
              </td>
              <td>{assigneeName(task, meta)}</td>
              <td>{categoryName(task.category, meta)}</td>
              <td className="fd-rec-actions">
                {onComplete && !done ? (
                  <Button
                    size="small"
                    aria-label={`Complete: ${task.title}`}
                    onClick={() => {
                      onComplete(task);
                    }}
                  >
                    Complete
                  </Button>
                ) : null}
                {patient ? (
                  <Button
                    size="small"
                    variant="ghost"
                    onClick={() =>
                      void navigate({ area: 'patients', patientId: Number(patient.id) })
                    }
                    aria-label={`Open patient ${patientLabel(patient.id, patients)}`}
                  >
                    {patientLabel(patient.id, patients)}
                  </Button>
                ) : null}
                {appointment ? (
                  <Button
                    size="small"
                    variant="ghost"
                    onClick={() =>
                      void navigate({ area: 'calendar', appointmentId: appointment.id })
                    }
                  >
                    Visit
                  </Button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
