import { useEffect, type RefObject } from 'react';
import { waitingText, type WaitingMinutes } from './event-content';

/**
 * Arrived patients' waiting badges count up. They are plain DOM inside the events, so the count is
 * updated in place: no event re-renders, no React work, every `tick`.
 */
export function useWaitingBadges(
  container: RefObject<HTMLElement | null>,
  waiting: WaitingMinutes,
  tick: number,
): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    for (const badge of root.querySelectorAll<HTMLElement>('.fdc-wait[data-since]')) {
      const minutes = waiting(badge.dataset.since ?? '');
      if (minutes !== null) badge.textContent = waitingText(minutes);
    }
  }, [container, waiting, tick]);
}
