import { useEffect } from 'react';
import { showReceipt, useShownReceipt } from './receipt-offer';
import { ReceiptDialog } from './ReceiptDialog';

/** Where a receipt offered after a payment opens; one in the signed-in window. */
export function ReceiptHost() {
  const request = useShownReceipt();
  // Patient details leave with the signed-in window.
  useEffect(
    () => () => {
      showReceipt(null);
    },
    [],
  );
  if (!request) return null;
  return (
    <ReceiptDialog
      request={request}
      onClose={() => {
        showReceipt(null);
      }}
    />
  );
}
