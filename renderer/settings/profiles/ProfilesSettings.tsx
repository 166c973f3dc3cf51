import { useState } from 'react';
import type { AppointmentProfile } from '../../../shared/drchrono';
import { useFrontdesk, useQuery } from '../../bridge';
import {
  AvailabilityNote,
  Button,
  EmptyState,
  AreaErrorNotice,
  Notice,
  Spinner,
  useConfirm,
  useToast,
} from '../../ui';
import { ProfileDialog } from './ProfileDialog';
import './settings-table.css';

/**
 * Appointment profiles: the kinds of visit the practice books (name, colour, length, reason).
 * Listed from the cached practice; archived ones only on request (that costs a call).
 */
export function ProfilesSettings() {
  const api = useFrontdesk();
  const confirm = useConfirm();
  const toast = useToast();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<AppointmentProfile | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const practice = useQuery('practice:get', {}, { refreshOn: ['reference'] });
  // Refused, missing or unreadable: the list is empty for a reason, and the note says which.
  const availability = practice.data?.availability?.profiles;
  const unavailable = availability !== undefined && availability.state !== 'available';
  const query = useQuery('profiles:list', showArchived ? { includeArchived: true } : {}, {
    refreshOn: ['reference'],
    keepPrevious: true,
  });

  const archive = async (profile: AppointmentProfile) => {
    const agreed = await confirm({
      title: `Archive “${profile.name}”?`,
      message:
        'It can no longer be chosen for new appointments. Appointments already booked with it keep it.',
      confirmLabel: 'Archive',
      danger: true,
    });
    if (!agreed) return;
    setError(null);
    const reply = await api.profiles.archive({ id: profile.id });
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    toast({ kind: 'success', message: `Archived “${profile.name}”.` });
    query.reload();
  };

  const profiles = [...(query.data ?? [])].sort(
    (a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0) || a.name.localeCompare(b.name),
  );

  return (
    <section className="fd-calendar-settings" aria-labelledby="profiles-title">
      <div className="fd-toolbar">
        <h2 id="profiles-title">Appointment profiles</h2>
        <span className="fdc-spacer" />
        <label className="fd-checkbox">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => {
              setShowArchived(e.target.checked);
            }}
          />
          Show archived
        </label>
        <Button
          variant="primary"
          onClick={() => {
            setEditing('new');
          }}
          disabled={availability?.state === 'refused'}
        >
          New profile
        </Button>
      </div>
      <AvailabilityNote availability={availability} />
      {error ? <Notice kind="error">{error}</Notice> : null}
      {query.error ? <AreaErrorNotice error={query.error} onRetry={query.reload} /> : null}
      {!query.data && !query.error ? <Spinner label="Loading profiles" /> : null}
      {query.data && profiles.length === 0 && !unavailable ? (
        <EmptyState>No appointment profiles yet.</EmptyState>
      ) : null}
      {profiles.length > 0 ? (
        <table className="fd-table">
          <thead>
            <tr>
              <th scope="col">Profile</th>
              <th scope="col">Length</th>
              <th scope="col">Default reason</th>
              <th scope="col">Online</th>
              <th scope="col">
                <span className="fd-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((p) => (
              <tr key={p.id}>
                <td>
                  <span className="fd-swatch" style={{ background: p.color }} aria-hidden="true" />{' '}
                  {p.name}
                  {p.archived ? <span className="fd-badge"> archived</span> : null}
                </td>
                <td>{p.duration} min</td>
                <td>{p.reason || '—'}</td>
                <td>{p.online_scheduling ? 'Yes' : 'No'}</td>
                <td className="fd-table__actions">
                  {p.archived ? null : (
                    <>
                      <Button
                        size="small"
                        aria-label={`Edit ${p.name}`}
                        onClick={() => {
                          setEditing(p);
                        }}
                      >
                        Edit
                      </Button>
                      <Button
                        size="small"
                        aria-label={`Archive ${p.name}`}
                        onClick={() => void archive(p)}
                      >
                        Archive
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <ProfileDialog
          profile={editing === 'new' ? null : editing}
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
