import { useState } from 'react';
import type { ListAvailability } from '../../shared/contract';
import { useQuery } from '../bridge';
import { formatDate } from '../patients/common/format';
import { AreaErrorNotice, AvailabilityNote, Button, EmptyState, Spinner } from '../ui';
import { formatMoney, methodLabel } from './money';
import { PaymentDialog } from './PaymentDialog';
import { PaymentsTable } from './PaymentsTable';
import { useVisitLabels } from './useVisitLabels';
import { PrintReceiptButton } from '../receipt/PrintReceiptButton';

/** A patient's payments and the payment log (the last twelve months), with a payment on account. */
export function PatientPayments({
  patientId,
  patientName,
  doctorId,
  today,
  birthDate,
}: {
  patientId: number;
  patientName: string;
  doctorId: number;
  today: string;
  birthDate?: string | null;
}) {
  const { data, error, loading, reload } = useQuery(
    'billing:patient',
    { patientId },
    { refreshOn: ['billing'] },
  );
  const [taking, setTaking] = useState(false);
  const visitLabel = useVisitLabels(patientId);
  const receipt = { patientName, birthDate, visitLabel };
  return (
    <div className="fd-rec-stack">
      <div className="fd-rec-section-header">
        <h3>Payments</h3>
        {error?.code === 'forbidden' && !data ? null : (
          <Button
            variant="primary"
            size="small"
            onClick={() => {
              setTaking(true);
            }}
          >
            Take payment on account
          </Button>
        )}
      </div>
      {error && !data ? <AreaErrorNotice error={error} onRetry={reload} /> : null}
      {loading && !data ? <Spinner label="Loading payments" /> : null}
      {data ? (
        <>
          <PaymentsTable
            payments={data.payments}
            empty="No payments from this patient."
            visitLabel={visitLabel}
            receipt={(p) => <PrintReceiptButton payment={p} subject={receipt} />}
          />
          <h3>Payment log (last 12 months)</h3>
          <AvailabilityNote availability={data.logAvailability} />
          {data.log.length === 0 ? (
            // An unread log is not an empty one: the note above says why, nothing more here.
            logUnread(data.logAvailability) ? null : (
              <EmptyState>Nothing in the payment log.</EmptyState>
            )
          ) : (
            <table className="fd-table fd-rec-money-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Action</th>
                  <th scope="col" className="fd-rec-num">
                    Amount
                  </th>
                  <th scope="col">Method</th>
                  <th scope="col">Visit</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {[...data.log]
                  .sort((a, b) => (b.updated_at ?? '').localeCompare(a.updated_at ?? ''))
                  .map((entry, i) => (
                    <tr key={`${entry.updated_at ?? ''}-${i}`}>
                      <td>{formatDate(entry.updated_at)}</td>
                      <td>{entry.action || '—'}</td>
                      <td className="fd-rec-num">{formatMoney(entry.amount)}</td>
                      <td>{methodLabel(entry.payment_method)}</td>
                      <td>
                        {entry.appointment ? (visitLabel(entry.appointment) ?? 'A visit') : '—'}
                      </td>
                      <td>{entry.source || '—'}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      {taking ? (
        <PaymentDialog
          patientId={patientId}
          patientName={patientName}
          doctorId={doctorId}
          today={today}
          receipt={receipt}
          onClose={() => {
            setTaking(false);
          }}
          onSaved={() => {
            setTaking(false);
            reload();
          }}
        />
      ) : null}
    </div>
  );
}

function logUnread(availability: ListAvailability | undefined): boolean {
  return availability !== undefined && availability.state !== 'available';
}
