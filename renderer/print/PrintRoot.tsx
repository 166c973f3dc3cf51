import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './print.css';

/**
 * Puts a paper document beside the app, for print only (print.css hides everything else on
 * paper). One per printable screen; it leaves with the screen, so printing elsewhere prints that
 * screen's own layout.
 */
export function PrintRoot({ children }: { children: ReactNode }) {
  const [host] = useState(() => {
    const node = document.createElement('div');
    node.className = 'fd-print-root';
    return node;
  });
  useEffect(() => {
    document.body.appendChild(host);
    return () => {
      host.remove();
    };
  }, [host]);
  return createPortal(children, host);
}
