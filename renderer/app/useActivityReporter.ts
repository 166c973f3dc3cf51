import { useEffect } from 'react';
import { useFrontdesk } from '../bridge';

const reportEveryMs = 30_000;

/**
 * Tells main the desk is in use, so the idle lock counts from the last keystroke or click. At most
 * one report per half minute; the events themselves never leave the page.
 */
export function useActivityReporter(active: boolean): void {
  const api = useFrontdesk();
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const onInput = (): void => {
      const now = Date.now();
      if (now - last < reportEveryMs) return;
      last = now;
      void api.lock.activity({});
    };
    const kinds = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const kind of kinds) window.addEventListener(kind, onInput, { passive: true });
    return () => {
      for (const kind of kinds) window.removeEventListener(kind, onInput);
    };
  }, [api, active]);
}
