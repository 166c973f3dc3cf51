import { formatClock } from '../../shared/schedule';
import { instantToWall } from '../../shared/time/practice-time';

/** "2:05 PM" or "14:05" (the desk's clock) in the practice's zone, never the machine's; null without a time. */
export function practiceClock(
  epochMs: number | null,
  zone: string | null,
  hour12: boolean,
): string | null {
  if (epochMs === null) return null;
  return formatClock(instantToWall(epochMs, zone ?? 'UTC'), hour12);
}

export function doctorName(doctor: {
  first_name: string;
  last_name: string;
  suffix?: string | null;
}): string {
  return [`Dr. ${doctor.first_name} ${doctor.last_name}`, doctor.suffix].filter(Boolean).join(', ');
}
