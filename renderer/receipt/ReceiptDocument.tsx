import type { Receipt } from './receipt';

/** One payment's receipt on paper: the practice, the patient, what was paid and for what. */
export function ReceiptDocument({ receipt }: { receipt: Receipt }) {
  const rows: [string, string][] = [
    ['Patient', receipt.patientName],
    ['Date of birth', receipt.birthDate],
    ['Taken', receipt.takenAt],
    ['Amount', receipt.amount],
    ['Method', receipt.method],
    ['Visit', receipt.visit],
    ['Applied', receipt.appliedTo],
    ['Taken by', receipt.takenBy],
  ];
  return (
    <article className="fd-paper fd-receipt" aria-label={`Receipt ${receipt.number}`}>
      <header className="fd-paper__head">
        <div>
          <h1 className="fd-paper__title">{receipt.practiceName}</h1>
          <address className="fd-receipt__address">
            {receipt.officeLines.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </address>
        </div>
        <div className="fd-receipt__kind">
          <h2>Payment receipt</h2>
          <p className="fd-receipt__number">Receipt no. {receipt.number}</p>
        </div>
      </header>
      <dl className="fd-receipt__facts">
        {rows.map(([term, value]) => (
          <div key={term} className={term === 'Amount' ? 'fd-receipt__amount' : undefined}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="fd-paper__foot">
        {receipt.pending
          ? 'This payment is recorded at the desk and will be sent to drchrono when the connection is back; its receipt number comes then. '
          : ''}
        {receipt.printed}. Keep this receipt for your records.
      </p>
    </article>
  );
}
