import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';

export interface CardState {
  id: string;
  anchor: DOMRect;
  /** Opened on purpose (click, Enter): stays until closed. Otherwise it follows hover/focus. */
  pinned: boolean;
}

export interface CardControls {
  card: CardState | null;
  open: (id: string, pinned: boolean) => void;
  close: (returnFocus: boolean) => void;
  /** The card's own pointer handlers keep it open while the pointer is on it. */
  keep: () => void;
  release: () => void;
  cardRef: RefObject<HTMLDivElement | null>;
}

const SHOW_DELAY = 350;
const HIDE_DELAY = 250;

export function appointmentNode(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element
    ? target.closest<HTMLElement>('[data-appointment-id][tabindex]')
    : null;
}

/** Appointment ids are strings from drchrono: quote them safely inside an attribute selector. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

export function findAppointmentNode(root: ParentNode, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-appointment-id=${quoted(id)}][tabindex]`);
}

function anchorOf(node: HTMLElement): DOMRect {
  return (node.closest('.fc-event') ?? node).getBoundingClientRect();
}

/**
 * The appointment card follows the pointer (after a short pause) and keyboard focus; a click or
 * Enter pins it. Listeners are delegated on the calendar, since events are plain DOM.
 */
export function useCardState(container: RefObject<HTMLElement | null>): CardControls {
  const [card, setCard] = useState<CardState | null>(null);
  const cardRef = useRef<HTMLDivElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dragging = useRef(false);
  const latest = useRef(card);
  useEffect(() => {
    latest.current = card;
  });

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const open = useCallback(
    (id: string, pinned: boolean) => {
      clearTimer();
      const node = container.current ? findAppointmentNode(container.current, id) : null;
      if (!node) return;
      setCard({ id, anchor: anchorOf(node), pinned });
    },
    [container],
  );

  const close = useCallback(
    (returnFocus: boolean) => {
      clearTimer();
      const id = latest.current?.id;
      setCard(null);
      if (returnFocus && id && container.current)
        findAppointmentNode(container.current, id)?.focus();
    },
    [container],
  );

  const keep = useCallback(() => {
    clearTimer();
  }, []);
  const release = useCallback(() => {
    if (latest.current?.pinned) return;
    clearTimer();
    timer.current = setTimeout(() => {
      setCard(null);
    }, HIDE_DELAY);
  }, []);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const onOver = (e: PointerEvent) => {
      if (dragging.current || latest.current?.pinned) return;
      const node = appointmentNode(e.target);
      if (!node) return;
      const id = node.dataset.appointmentId ?? '';
      if (latest.current?.id === id) {
        clearTimer();
        return;
      }
      clearTimer();
      timer.current = setTimeout(() => {
        if (node.isConnected) setCard({ id, anchor: anchorOf(node), pinned: false });
      }, SHOW_DELAY);
    };
    const onOut = (e: PointerEvent) => {
      if (!appointmentNode(e.target)) return;
      const to = e.relatedTarget as Node | null;
      if (to && cardRef.current?.contains(to)) return;
      release();
    };
    const onDown = (e: PointerEvent) => {
      if (appointmentNode(e.target) && e.button === 0) {
        dragging.current = true;
        clearTimer();
        if (!latest.current?.pinned) setCard(null);
      }
    };
    const onUp = () => {
      dragging.current = false;
    };
    const onFocusIn = (e: FocusEvent) => {
      const node = appointmentNode(e.target);
      if (!node || dragging.current) return;
      const id = node.dataset.appointmentId ?? '';
      if (latest.current?.pinned && latest.current.id !== id) return;
      clearTimer();
      setCard((current) =>
        current?.id === id ? current : { id, anchor: anchorOf(node), pinned: false },
      );
    };
    const onFocusOut = (e: FocusEvent) => {
      if (!appointmentNode(e.target)) return;
      const to = e.relatedTarget as Node | null;
      if (to && (cardRef.current?.contains(to) || appointmentNode(to))) return;
      if (!latest.current?.pinned) setCard(null);
    };
    root.addEventListener('pointerover', onOver);
    root.addEventListener('pointerout', onOut);
    root.addEventListener('pointerdown', onDown);
    window.addEventListener('pointerup', onUp);
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      clearTimer();
      root.removeEventListener('pointerover', onOver);
      root.removeEventListener('pointerout', onOut);
      root.removeEventListener('pointerdown', onDown);
      window.removeEventListener('pointerup', onUp);
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
    };
  }, [container, release]);

  // A pinned card closes on a click elsewhere.
  useEffect(() => {
    if (!card?.pinned) return;
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (cardRef.current?.contains(target)) return;
      if (appointmentNode(target)?.dataset.appointmentId === card.id) return;
      if (target instanceof Element && target.closest('.fdc-menu, dialog')) return;
      setCard(null);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
    };
  }, [card]);

  return useMemo(
    () => ({ card, open, close, keep, release, cardRef }),
    [card, open, close, keep, release],
  );
}
