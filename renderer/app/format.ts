import { instantToWall } from '../../shared/time/practice-time';

/** "14:05" in the practice's zone (never the machine's), or null without a time. */
export function practiceClock(epochMs: number | null, zone: string | null): string | null {
  if (epochMs === null) return null;
  const wall = instantToWall(epochMs, zone ?? 'UTC');
  return wall.slice(11, 16);
}

export function doctorName(doctor: {
  first_name: string;
  last_name: string;
  suffix?: string | null;
}): string {
  return [`Dr. ${doctor.first_name} ${doctor.last_name}`, doctor.suffix].filter(Boolean).join(', ');
}
