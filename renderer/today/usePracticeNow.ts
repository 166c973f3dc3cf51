import { useEffect, useState } from 'react';
import { instantToWall, type WallTime } from '../../shared/time/practice-time';

function wallIn(zone: string): WallTime {
  return instantToWall(Date.now(), zone);
}

/**
 * The practice's wall clock, whatever this machine's zone. Read every 15 s, not on every render:
 * what depends on it (the board, waiting minutes) recomputes at that pace.
 */
export function usePracticeNow(zone: string): WallTime {
  const [now, setNow] = useState(() => ({ zone, wall: wallIn(zone) }));
  useEffect(() => {
    const timer = setInterval(() => {
      const wall = wallIn(zone);
      setNow((prev) => (prev.zone === zone && prev.wall === wall ? prev : { zone, wall }));
    }, 15_000);
    return () => {
      clearInterval(timer);
    };
  }, [zone]);
  return now.zone === zone ? now.wall : wallIn(zone);
}
