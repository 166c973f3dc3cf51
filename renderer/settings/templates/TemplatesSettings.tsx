import { useState } from 'react';
import type { Practice } from '../../../shared/contract';
import type { AppointmentTemplate } from '../../../shared/drchrono';
import { addMinutesToWall } from '../../../shared/time/practice-time';
import { useFrontdesk, useQuery } from '../../bridge';
import {
  AvailabilityNote,
  Button,
  EmptyState,
  AreaErrorNotice,
  ErrorNotice,
  Notice,
  Spinner,
  useConfirm,
  useToast,
} from '../../ui';
import '../profiles/settings-table.css';
import { TemplateDialog } from './TemplateDialog';
import { weekDayNames } from './WeekDaysField';

function days(weekDays: readonly number[]): string {
  const sorted = [...weekDays].sort((a, b) => a - b);
  if (sorted.join() === '0,1,2,3,4') return 'Weekdays';
  return sorted.map((d) => weekDayNames[d]?.slice(0, 3) ?? '?').join(', ');
}

function hours(t: AppointmentTemplate): string {
  const start = `2000-01-01T${t.scheduled_time.slice(0, 5)}:00`;
  return `${start.slice(11, 16)}–${addMinutesToWall(start, t.duration).slice(11, 16)}`;
}

/** Appointment templates per office and exam room: the blocks the calendar shows behind the book. */
export function TemplatesSettings() {
  const practice = useQuery('practice:get', {}, { refreshOn: ['reference'] });
  if (practice.error && !practice.data)
    return <ErrorNotice error={practice.error} onRetry={practice.reload} />;
  if (!practice.data) return <Spinner label="Loading templates" />;
  return <Templates practice={practice.data} />;
}

function Templates({ practice }: { practice: Practice }) {
  const api = useFrontdesk();
  const confirm = useConfirm();
  const toast = useToast();
  const offices = practice.offices.filter((o) => o.archived !== true);
  const [officeId, setOfficeId] = useState(offices[0]?.id ?? 0);
  const [editing, setEditing] = useState<AppointmentTemplate | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = useQuery(
    'templates:list',
    { officeId },
    { refreshOn: ['reference'], keepPrevious: true },
  );
  const office = practice.offices.find((o) => o.id === officeId);
  const profileOf = (id: number) => practice.profiles.find((p) => p.id === id);
  const doctorOf = (id: number | null | undefined) => practice.doctors.find((d) => d.id === id);

  const remove = async (t: AppointmentTemplate) => {
    const agreed = await confirm({
      title: 'Delete this template?',
      message: `${profileOf(t.profile)?.name ?? 'Template'}, ${days(t.week_days)} ${hours(t)} will no longer show on the calendar. Booked appointments stay.`,
      confirmLabel: 'Delete',
      danger: true,
    });
    if (!agreed) return;
    setError(null);
    const reply = await api.templates.delete({ id: t.id });
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    toast({ kind: 'success', message: 'Template deleted.' });
    query.reload();
  };

  const templates = query.data ?? [];
  // Refused, missing or unreadable: the list is empty for a reason, and the note says which.
  const availability = practice.availability?.templates;
  const unavailable = availability !== undefined && availability.state !== 'available';
  return (
    <section className="fd-calendar-settings" aria-labelledby="templates-title">
      <div className="fd-toolbar">
        <h2 id="templates-title">Appointment templates</h2>
        <span className="fdc-spacer" />
        <label className="fd-inline-field">
          Office
          <select
            className="fd-select"
            value={officeId}
            onChange={(e) => {
              setOfficeId(Number(e.target.value));
            }}
          >
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <Button
          variant="primary"
          onClick={() => {
            setEditing('new');
          }}
          disabled={!office || availability?.state === 'refused'}
        >
          New template
        </Button>
      </div>
      <AvailabilityNote availability={availability} />
      {error ? <Notice kind="error">{error}</Notice> : null}
      {query.error ? <AreaErrorNotice error={query.error} onRetry={query.reload} /> : null}
      {!query.data && !query.error ? <Spinner label="Loading templates" /> : null}
      {query.data && templates.length === 0 && !unavailable ? (
        <EmptyState>No templates at this office yet.</EmptyState>
      ) : null}
      {(office?.exam_rooms ?? []).map((room) => {
        const inRoom = templates
          .filter((t) => t.exam_room === room.index)
          .sort((a, b) => a.scheduled_time.localeCompare(b.scheduled_time));
        if (inRoom.length === 0) return null;
        return (
          <table key={room.index} className="fd-table fd-templates-room">
            <caption>{room.name}</caption>
            <thead>
              <tr>
                <th scope="col">Days</th>
                <th scope="col">Hours</th>
                <th scope="col">Profile</th>
                <th scope="col">Provider</th>
                <th scope="col">
                  <span className="fd-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {inRoom.map((t) => {
                const profile = profileOf(t.profile);
                const doctor = doctorOf(t.doctor);
                const what = `${profile?.name ?? 'template'}, ${days(t.week_days)} ${hours(t)}`;
                return (
                  <tr key={t.id}>
                    <td>{days(t.week_days)}</td>
                    <td>{hours(t)}</td>
                    <td>
                      <span
                        className="fd-swatch"
                        style={{ background: profile?.color }}
                        aria-hidden="true"
                      />{' '}
                      {profile?.name ?? `Profile ${t.profile}`}
                    </td>
                    <td>{doctor ? `Dr. ${doctor.last_name}` : '—'}</td>
                    <td className="fd-table__actions">
                      <Button
                        size="small"
                        aria-label={`Edit ${what}`}
                        onClick={() => {
                          setEditing(t);
                        }}
                      >
                        Edit
                      </Button>
                      <Button
                        size="small"
                        aria-label={`Delete ${what}`}
                        onClick={() => void remove(t)}
                      >
                        Delete
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
      {editing && office ? (
        <TemplateDialog
          practice={practice}
          officeId={office.id}
          template={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
          onSaved={(message) => {
            setEditing(null);
            toast({ kind: 'success', message });
            query.reload();
          }}
        />
      ) : null}
    </section>
  );
}
