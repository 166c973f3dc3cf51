import { useState } from 'react';
import { useQuery } from '../bridge';
import { doctorName } from '../patients/CareFields';
import { formatDayTime, fullName } from '../patients/common/format';
import { AvailabilityNote, Button, ErrorNotice, Spinner, useNavigation } from '../ui';
import '../patients/common/records.css';
import { collectedTotals, visitCollection, type PatientPayment } from '../../shared/drchrono';
import { ApplyCollectedDialog } from './ApplyCollectedDialog';
import { BillingStatusControl } from './BillingStatusControl';
import { CollectedLine } from './CollectedLine';
import { formatMoney } from './money';
import { visitLabel } from './visit-label';
import { LineItemDialog } from './LineItemDialog';
import { LineItemsTable } from './LineItemsTable';
import { PaymentDialog } from './PaymentDialog';
import { PaymentsTable } from './PaymentsTable';
import { TotalsBar } from './TotalsBar';
import { TransactionsTable } from './TransactionsTable';
import { CollectedReceipts } from '../receipt/CollectedReceipts';
import { PrintReceiptButton } from '../receipt/PrintReceiptButton';

/**
 * Billing at the desk for one appointment: its billing status, line items, the patient's payments
 * against it (take a copay), insurance transactions and the balances drchrono reports.
 */
export function BillingScreen({ appointmentId }: { appointmentId: string }) {
  const { navigate } = useNavigation();
  const billing = useQuery('billing:appointment', { appointmentId }, { refreshOn: ['billing'] });
  const book = useQuery('appointments:get', { id: appointmentId }, { refreshOn: ['appointments'] });
  const practice = useQuery('practice:get', {});
  const [dialog, setDialog] = useState<'line' | 'payment' | null>(null);
  const [applying, setApplying] = useState<PatientPayment | null>(null);

  if (billing.error && !billing.data) {
    return (
      <div className="fd-rec-screen fd-rec-page">
        <h1>Billing</h1>
        <ErrorNotice error={billing.error} onRetry={billing.reload} />
      </div>
    );
  }
  if (!billing.data || !practice.data) {
    return (
      <div className="fd-rec-screen fd-rec-page">
        <Spinner label="Loading the appointment’s billing" />
      </div>
    );
  }
  const { appointment, lineItems, payments, transactions, totals, availability } = billing.data;
  // A list drchrono refused shows its own notice; its buttons go (they would be refused too).
  const refused = (list: keyof NonNullable<typeof availability>) =>
    availability !== undefined && availability[list].state !== 'available';
  const patientId = appointment.patient;
  const brief = patientId === null ? undefined : book.data?.patients[String(patientId)];
  const name = patientId === null ? 'Break (no patient)' : fullName(brief, `Patient #${patientId}`);
  const doctor = practice.data.doctors.find((d) => d.id === appointment.doctor);
  const office = practice.data.offices.find((o) => o.id === appointment.office);
  const room = office?.exam_rooms.find((r) => r.index === appointment.exam_room);
  const thisVisit = visitLabel(appointment, practice.data.doctors);
  const receipt = {
    patientName: name,
    birthDate: brief?.date_of_birth,
    visitLabel: (id: string | null) => (id === appointmentId ? thisVisit : null),
    officeId: appointment.office,
    lineItems,
  };

  return (
    <div className="fd-rec-screen fd-rec-page">
      <header className="fd-rec-page-header">
        <div>
          <h1>Billing — {name}</h1>
          <p className="fd-rec-muted">
            {formatDayTime(appointment.scheduled_time)} · {doctor ? doctorName(doctor) : 'Provider'}{' '}
            ·{' '}
            {[office?.name, room?.name].filter(Boolean).join(', ') ||
              `Room ${appointment.exam_room}`}
            {appointment.status ? (
              <>
                {' '}
                · <span className="fd-badge">{appointment.status}</span>
              </>
            ) : null}
            {appointment.reason ? ` · ${appointment.reason}` : ''}
          </p>
        </div>
        <div className="fd-toolbar">
          {patientId !== null ? (
            <Button onClick={() => void navigate({ area: 'patients', patientId })}>
              Open patient
            </Button>
          ) : null}
          <Button
            onClick={() =>
              void navigate({
                area: 'calendar',
                date: appointment.scheduled_time.slice(0, 10),
                appointmentId,
              })
            }
          >
            Open in calendar
          </Button>
        </div>
      </header>

      {refused('lineItems') ? null : <TotalsBar totals={totals} />}
      <CollectedLine totals={collectedTotals(payments)} />
      <CollectedReceipts payments={payments} subject={receipt} />
      {lineItems.length > 0
        ? visitCollection(payments, appointmentId).unapplied.map((p) => (
            <div key={p.id} className="fd-rec-section-header">
              <p>{formatMoney(p.amount)} taken at check-in is on the patient’s account.</p>
              <Button
                size="small"
                onClick={() => {
                  setApplying(p);
                }}
              >
                Apply to a line item
              </Button>
            </div>
          ))
        : null}
      <BillingStatusControl
        key={appointment.billing_status ?? ''}
        appointmentId={appointmentId}
        current={appointment.billing_status}
        onSaved={billing.reload}
      />

      <section className="fd-rec-section" aria-labelledby="billing-lines">
        <div className="fd-rec-section-header">
          <h2 id="billing-lines">Line items</h2>
          {refused('lineItems') ? null : (
            <Button
              onClick={() => {
                setDialog('line');
              }}
            >
              Add line item
            </Button>
          )}
        </div>
        <AvailabilityNote availability={availability?.lineItems} />
        {refused('lineItems') ? null : <LineItemsTable items={lineItems} />}
      </section>

      <section className="fd-rec-section" aria-labelledby="billing-payments">
        <div className="fd-rec-section-header">
          <h2 id="billing-payments">Patient payments</h2>
          {patientId !== null && !refused('payments') ? (
            <Button
              variant="primary"
              onClick={() => {
                setDialog('payment');
              }}
            >
              Take payment
            </Button>
          ) : null}
        </div>
        <AvailabilityNote availability={availability?.payments} />
        {refused('payments') ? null : (
          <PaymentsTable
            payments={payments}
            lineItems={lineItems}
            visitLabel={(id) => (id === appointmentId ? thisVisit : null)}
            empty="No payments against this appointment yet."
            receipt={(p) => <PrintReceiptButton payment={p} subject={receipt} />}
          />
        )}
      </section>

      <section className="fd-rec-section" aria-labelledby="billing-transactions">
        <h2 id="billing-transactions">Insurance transactions</h2>
        <AvailabilityNote availability={availability?.transactions} />
        {refused('transactions') ? null : (
          <TransactionsTable transactions={transactions} lineItems={lineItems} />
        )}
      </section>

      {dialog === 'line' ? (
        <LineItemDialog
          appointmentId={appointmentId}
          doctorId={appointment.doctor}
          serviceDate={appointment.scheduled_time.slice(0, 10)}
          onClose={() => {
            setDialog(null);
          }}
          onSaved={() => {
            setDialog(null);
            billing.reload();
          }}
        />
      ) : null}
      {applying ? (
        <ApplyCollectedDialog
          appointmentId={appointmentId}
          payment={applying}
          lineItems={lineItems}
          onClose={() => {
            setApplying(null);
          }}
          onSaved={() => {
            setApplying(null);
            billing.reload();
          }}
        />
      ) : null}
      {dialog === 'payment' && patientId !== null ? (
        <PaymentDialog
          patientId={patientId}
          patientName={name}
          doctorId={appointment.doctor}
          appointmentId={appointmentId}
          lineItems={lineItems}
          receipt={receipt}
          today={practice.data.today}
          onClose={() => {
            setDialog(null);
          }}
          onSaved={() => {
            setDialog(null);
            billing.reload();
          }}
        />
      ) : null}
    </div>
  );
}
