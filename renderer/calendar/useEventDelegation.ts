import { useEffect, useRef, type RefObject } from 'react';
import { appointmentNode } from './useCardState';

/**
 * Clicks and right clicks on appointments, listened for once on the calendar: events are plain
 * DOM that FullCalendar re-creates, so per-event listeners would come and go with them.
 */
export function useEventDelegation(
  container: RefObject<HTMLElement | null>,
  handlers: {
    onClick: (id: string) => void;
    onContextMenu: (id: string, x: number, y: number) => void;
  },
): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const onContext = (e: MouseEvent) => {
      const id = appointmentNode(e.target)?.dataset.appointmentId;
      if (!id) return;
      e.preventDefault();
      latest.current.onContextMenu(id, e.clientX, e.clientY);
    };
    const onClick = (e: MouseEvent) => {
      const id = appointmentNode(e.target)?.dataset.appointmentId;
      if (id) latest.current.onClick(id);
    };
    root.addEventListener('contextmenu', onContext);
    root.addEventListener('click', onClick);
    return () => {
      root.removeEventListener('contextmenu', onContext);
      root.removeEventListener('click', onClick);
    };
  }, [container]);
}
