import { useState } from 'react';
import type { RequestOf } from '../../shared/contract';
import type { ClinicalKind } from '../../shared/drchrono';
import { useFrontdesk, useQuery } from '../bridge';
import {
  Button,
  EmptyState,
  AreaErrorNotice,
  errorToast,
  Notice,
  Spinner,
  useConfirm,
  useToast,
} from '../ui';
import { queuedMessage, noDeleteMessage } from '../patients/common/messages';
import type { ClinicalRecord } from './clinical-forms';
import { ClinicalDialog } from './ClinicalDialog';
import { isActive, kinds } from './clinical-kinds';

/**
 * A patient's allergies, medications or problems: active first, add, edit, and "remove" as drchrono
 * allows it — by marking the record inactive (or resolved); the API has no delete for these.
 */
export function ClinicalPanel({
  kind,
  patientId,
  doctorId,
  patientName,
}: {
  kind: ClinicalKind;
  patientId: number;
  doctorId: number;
  patientName: string;
}) {
  const api = useFrontdesk();
  const confirm = useConfirm();
  const toast = useToast();
  const info = kinds[kind];
  const { data, error, loading, reload } = useQuery(
    'clinical:list',
    { kind, patientId },
    { refreshOn: ['clinical'] },
  );
  const [editing, setEditing] = useState<ClinicalRecord | 'new' | null>(null);

  const setStatus = async (record: ClinicalRecord, status: 'active' | 'inactive' | 'resolved') => {
    const label = info.label(record);
    if (status !== 'active') {
      const yes = await confirm({
        title: `${status === 'resolved' ? 'Mark resolved' : 'Mark inactive'}: ${label}?`,
        message: `${noDeleteMessage(info.title.toLowerCase(), status)} ${patientName}’s ${info.singular} “${label}” will show as ${status}.`,
        confirmLabel: status === 'resolved' ? 'Mark resolved' : 'Mark inactive',
      });
      if (!yes) return;
    }
    const base = record.status ? { status: record.status } : {};
    const reply = await api.clinical.update({
      kind,
      id: record.id,
      changes: { status },
      base,
    } as RequestOf<'clinical:update'>);
    if (!reply.ok) {
      toast(errorToast(reply.error));
      return;
    }
    toast(
      reply.value.state === 'queued'
        ? { kind: 'info', message: queuedMessage }
        : { kind: 'success', message: `“${label}” is now ${status}.` },
    );
    reload();
  };

  const records = data?.records ?? [];
  const refused = error?.code === 'forbidden' && !data;
  return (
    <section className="fd-rec-clinical" aria-label={info.title}>
      <div className="fd-rec-section-header">
        <h3>{info.title}</h3>
        {refused ? null : (
          <Button
            variant="primary"
            size="small"
            onClick={() => {
              setEditing('new');
            }}
          >
            Add {info.singular}
          </Button>
        )}
      </div>
      {refused ? null : (
        <Notice kind="info" live={false}>
          {noDeleteMessage(info.title.toLowerCase(), info.removeStatus)}
        </Notice>
      )}
      {error && !data ? <AreaErrorNotice error={error} onRetry={reload} /> : null}
      {data?.skipped ? (
        <Notice kind="warning" live={false}>
          {data.skipped === 1
            ? `1 ${info.singular} could not be read and is left out; the others are shown.`
            : `${String(data.skipped)} ${info.title.toLowerCase()} could not be read and are left out; the others are shown.`}
        </Notice>
      ) : null}
      {loading && !data ? <Spinner label={`Loading ${info.title.toLowerCase()}`} /> : null}
      {data && records.length === 0 ? (
        <EmptyState>No {info.title.toLowerCase()} recorded.</EmptyState>
      ) : null}
      {records.length > 0 ? (
        <table className="fd-table">
          <thead>
            <tr>
              <th scope="col">{info.column}</th>
              <th scope="col">Details</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="fd-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => {
              const label = info.label(record);
              const active = isActive(record);
              return (
                <tr key={record.id} className={active ? undefined : 'fd-rec-row--inactive'}>
                  <td>{label}</td>
                  <td>{info.detail(record) || '—'}</td>
                  <td>
                    <span className={`fd-badge ${active ? 'fd-rec-badge--active' : ''}`}>
                      {record.status || 'active'}
                    </span>
                  </td>
                  <td className="fd-rec-actions">
                    <Button
                      size="small"
                      aria-label={`Edit ${label}`}
                      onClick={() => {
                        setEditing(record);
                      }}
                    >
                      Edit
                    </Button>
                    {active ? (
                      <Button
                        size="small"
                        aria-label={`${info.removeLabel}: ${label}`}
                        onClick={() => void setStatus(record, info.removeStatus)}
                      >
                        {info.removeLabel}
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        aria-label={`Mark active: ${label}`}
                        onClick={() => void setStatus(record, 'active')}
                      >
                        Mark active
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {editing !== null ? (
        <ClinicalDialog
          kind={kind}
          record={editing === 'new' ? null : editing}
          owner={{ patient: patientId, doctor: doctorId }}
          onClose={() => {
            setEditing(null);
          }}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}
