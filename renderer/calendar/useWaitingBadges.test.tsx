import { act, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wallToInstant } from '../../shared/time/practice-time';
import { waitingText } from './event-content';
import { useTick } from './useMinuteTick';
import { useWaitingBadges } from './useWaitingBadges';

const zone = 'America/New_York';
const waiting = (since: string) =>
  Math.max(0, Math.floor((Date.now() - wallToInstant(since, zone)) / 60_000));

function Badges() {
  const ref = useRef<HTMLDivElement>(null);
  const tick = useTick(30_000);
  useWaitingBadges(ref, waiting, tick);
  return (
    <div ref={ref}>
      <i className="fdc-wait" data-since="2026-11-23T09:30:00">
        0 min
      </i>
    </div>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('waiting badges', () => {
  it('count up in place while the patient waits, in practice time whatever the machine zone', () => {
    vi.useFakeTimers();
    // 09:42 in New York.
    vi.setSystemTime(wallToInstant('2026-11-23T09:42:00', zone));
    const view = render(<Badges />);
    const badge = view.container.querySelector('.fdc-wait');
    expect(badge?.textContent).toBe('12 min');
    act(() => {
      vi.advanceTimersByTime(60 * 60_000);
    });
    expect(badge?.textContent).toBe('1 h 12');
  });

  it('reads minutes and hours', () => {
    expect(waitingText(0)).toBe('0 min');
    expect(waitingText(59)).toBe('59 min');
    expect(waitingText(125)).toBe('2 h 05');
  });
});
