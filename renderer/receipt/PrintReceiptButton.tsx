import { useState } from 'react';
import { Button } from '../ui';
import { hasReceipt, type ReceiptPayment, type ReceiptSubject } from './receipt';
import { ReceiptDialog } from './ReceiptDialog';
import './receipt.css';

/** "Print receipt" for one payment (nothing for the desk's bookkeeping entries, e.g. reversals). */
export function PrintReceiptButton({
  payment,
  subject,
  label = 'Print receipt',
}: {
  payment: ReceiptPayment;
  subject: ReceiptSubject;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  if (!hasReceipt(payment)) return null;
  return (
    <>
      <Button
        size="small"
        className="fd-receipt-button"
        onClick={() => {
          setOpen(true);
        }}
      >
        {label}
      </Button>
      {open ? (
        <ReceiptDialog
          request={{ payment, subject }}
          onClose={() => {
            setOpen(false);
          }}
        />
      ) : null}
    </>
  );
}
