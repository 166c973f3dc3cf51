import { useState } from 'react';
import { instantToWall } from '../../shared/time/practice-time';
import { useQuery } from '../bridge';
import { PrintButtons } from '../print/PrintButtons';
import { PrintRoot } from '../print/PrintRoot';
import { Button, Dialog, ErrorNotice, Spinner } from '../ui';
import { receiptOf, type ReceiptRequest } from './receipt';
import { ReceiptDocument } from './ReceiptDocument';
import './receipt.css';

/**
 * A payment's receipt: the on-screen preview, "Print…" / "Save as PDF…", and the same document in
 * a print root (paper shows only it). The practice comes from main's cached copy: no drchrono call.
 */
export function ReceiptDialog({
  request,
  onClose,
}: {
  request: ReceiptRequest;
  onClose: () => void;
}) {
  const practice = useQuery('practice:get', {});
  // The moment the receipt is opened: when a payment still in the outbox was taken, and "printed".
  const [openedAt] = useState(() => Date.now());
  const receipt = practice.data
    ? receiptOf(request, practice.data, instantToWall(openedAt, practice.data.timezone))
    : null;
  return (
    <Dialog
      open
      title="Payment receipt"
      className="fd-receipt-dialog"
      onClose={onClose}
      footer={
        <>
          <PrintButtons
            title={`Receipt ${receipt?.patientName ?? ''} ${receipt?.amount ?? ''}`.trim()}
            disabled={!receipt}
          />
          <Button onClick={onClose}>Close</Button>
        </>
      }
    >
      {practice.error && !practice.data ? (
        <ErrorNotice error={practice.error} onRetry={practice.reload} />
      ) : null}
      {receipt ? (
        <>
          <section className="fd-paper-preview" aria-label="Print preview">
            <ReceiptDocument receipt={receipt} />
          </section>
          <PrintRoot>
            <div className="fd-receipt-print">
              <ReceiptDocument receipt={receipt} />
            </div>
          </PrintRoot>
        </>
      ) : (
        <Spinner label="Preparing the receipt" />
      )}
    </Dialog>
  );
}
