import { useCallback, useMemo, useState } from 'react';
import type { AppointmentItem } from '../../shared/contract';
import { applyOverlay, reconcile, type Overlay, type OverlayEntry } from './overlay';

export interface OverlayControls {
  /** Shows an edit at once; `settle` once main has it, `drop` if it failed. */
  patch: (id: string, patch: Partial<AppointmentItem>) => void;
  remove: (id: string) => void;
  add: (appointment: AppointmentItem) => void;
  settle: (id: string) => void;
  drop: (id: string) => void;
}

/** The book as the desk sees it: main's answer with the desk's own unconfirmed edits laid over. */
export function useOverlay(
  book: readonly AppointmentItem[] | undefined,
): [AppointmentItem[], OverlayControls] {
  const [overlay, setOverlay] = useState<Overlay>(new Map());

  // A new answer from the book retires the edits it now carries (adjusting state while rendering,
  // so the stale overlay is never painted over the fresh book).
  const [seen, setSeen] = useState(book);
  if (seen !== book) {
    setSeen(book);
    if (book) setOverlay((current) => reconcile(current, book));
  }

  const set = useCallback((entry: OverlayEntry | null, id: string) => {
    setOverlay((current) => {
      const next = new Map(current);
      if (entry) next.set(id, entry);
      else next.delete(id);
      return next;
    });
  }, []);

  const controls = useMemo<OverlayControls>(
    () => ({
      patch: (id: string, patch: Partial<AppointmentItem>) => {
        setOverlay((current) => {
          const next = new Map(current);
          const old = current.get(id);
          const merged = old?.kind === 'patch' ? { ...old.patch, ...patch } : patch;
          next.set(id, { kind: 'patch', id, patch: merged, settled: false, seen: 0 });
          return next;
        });
      },
      remove: (id: string) => {
        set({ kind: 'removed', id, settled: false, seen: 0 }, id);
      },
      add: (appointment: AppointmentItem) => {
        set(
          { kind: 'added', id: appointment.id, appointment, settled: true, seen: 0 },
          appointment.id,
        );
      },
      settle: (id: string) => {
        setOverlay((current) => {
          const entry = current.get(id);
          if (!entry || entry.settled) return current;
          const next = new Map(current);
          next.set(id, { ...entry, settled: true });
          return next;
        });
      },
      drop: (id: string) => {
        set(null, id);
      },
    }),
    [set],
  );

  const appointments = useMemo(() => applyOverlay(book ?? [], overlay), [book, overlay]);
  return [appointments, controls];
}
