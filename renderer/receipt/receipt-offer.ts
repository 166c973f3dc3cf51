import { useSyncExternalStore } from 'react';
import type { ReceiptRequest } from './receipt';

/**
 * The receipt offered after a payment is taken ("Print receipt" on the success toast). The payment
 * dialog is gone by the time the toast's button is pressed, so the receipt opens in the one
 * ReceiptHost of the signed-in window.
 */
let offered: ReceiptRequest | null = null;
const listeners = new Set<() => void>();

export function showReceipt(request: ReceiptRequest | null): void {
  offered = request;
  listeners.forEach((listener) => {
    listener();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useShownReceipt(): ReceiptRequest | null {
  return useSyncExternalStore(subscribe, () => offered);
}
