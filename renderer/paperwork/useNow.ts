import { useEffect, useState } from 'react';

/** The time now (epoch ms), renewed every `ms`: "sent" vs "due" reminders, "printed at". */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, ms);
    return () => {
      clearInterval(timer);
    };
  }, [ms]);
  return now;
}
