import { useState } from 'react';
import type { DocumentView } from '../../shared/contract';
import { useQuery } from '../bridge';
import { formatDate } from '../patients/common/format';
import { AreaErrorNotice, Button, EmptyState, Spinner } from '../ui';
import { AttachDocumentDialog } from './AttachDocumentDialog';
import { DocumentViewer } from './DocumentViewer';
import './documents.css';

/** The patient's documents at drchrono, newest first, with "Attach insurance card". */
export function DocumentsTab({
  patientId,
  patientName,
  doctorId,
  today,
}: {
  patientId: number;
  patientName: string;
  doctorId: number;
  today: string;
}) {
  const { data, error, loading, reload } = useQuery(
    'documents:list',
    { patientId },
    { refreshOn: ['documents'] },
  );
  const [attaching, setAttaching] = useState(false);
  const [open, setOpen] = useState<DocumentView | null>(null);
  return (
    <div className="fd-rec-stack">
      <div className="fd-rec-section-header">
        <h3>Documents</h3>
        <Button
          variant="primary"
          size="small"
          onClick={() => {
            setAttaching(true);
          }}
        >
          Attach insurance card
        </Button>
      </div>
      {error && !data ? <AreaErrorNotice error={error} onRetry={reload} /> : null}
      {loading && !data ? <Spinner label="Loading documents" /> : null}
      {data && data.documents.length === 0 ? (
        <EmptyState>No documents in this patient’s chart yet.</EmptyState>
      ) : null}
      {data && data.documents.length > 0 ? (
        <table className="fd-table" aria-label="Documents">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Description</th>
              <th scope="col">Tags</th>
              <th scope="col">File</th>
              <th scope="col">
                <span className="fd-visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.documents.map((d) => (
              <tr key={d.id}>
                <td>{formatDate(d.date)}</td>
                <td>{d.description || '—'}</td>
                <td>
                  {d.metatags.length === 0
                    ? '—'
                    : d.metatags.map((t) => (
                        <span key={t} className="fd-badge fd-doc-tag">
                          {t}
                        </span>
                      ))}
                </td>
                <td>{d.fileName}</td>
                <td>
                  <Button
                    size="small"
                    aria-label={`Open ${d.description || d.fileName}`}
                    onClick={() => {
                      setOpen(d);
                    }}
                  >
                    Open
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {attaching ? (
        <AttachDocumentDialog
          patientId={patientId}
          patientName={patientName}
          doctorId={doctorId}
          today={today}
          onClose={() => {
            setAttaching(false);
          }}
          onSaved={() => {
            setAttaching(false);
            reload();
          }}
        />
      ) : null}
      {open ? (
        <DocumentViewer
          document={open}
          onClose={() => {
            setOpen(null);
          }}
        />
      ) : null}
    </div>
  );
}
