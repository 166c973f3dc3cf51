import { useEffect, useState } from 'react';

/** Re-renders every `ms` (waiting times, the card's "for 12 min"). */
export function useTick(ms = 30_000): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      setTick((t) => t + 1);
    }, ms);
    return () => {
      clearInterval(timer);
    };
  }, [ms]);
  return tick;
}
