import {
  datesInRange,
  drchronoWeekday,
  wallAt,
  type IsoDate,
  type WallTime,
} from '../time/practice-time';
import { spanOf, toWallSpan } from './spans';

/** The fields of an appointment template that place it on the calendar. */
export interface TemplateLike {
  id: number;
  office: number;
  exam_room: number;
  profile: number;
  doctor?: number | null | undefined;
  duration: number;
  scheduled_time: string;
  /** 0 = Monday … 6 = Sunday (drchrono's numbering, not JavaScript's). */
  week_days: readonly number[];
  archived?: boolean | null | undefined;
}

/** One template on one date: a background block on the calendar. */
export interface TemplateBlock {
  templateId: number;
  profileId: number;
  office: number;
  examRoom: number;
  doctor: number | null;
  date: IsoDate;
  start: WallTime;
  end: WallTime;
}

export interface TemplateFilter {
  officeId?: number | undefined;
  examRoom?: number | undefined;
  profileId?: number | undefined;
  doctorId?: number | undefined;
}

export function templateMatches(template: TemplateLike, filter: TemplateFilter): boolean {
  return (
    template.archived !== true &&
    (filter.officeId === undefined || template.office === filter.officeId) &&
    (filter.examRoom === undefined || template.exam_room === filter.examRoom) &&
    (filter.profileId === undefined || template.profile === filter.profileId) &&
    (filter.doctorId === undefined ||
      template.doctor === undefined ||
      template.doctor === null ||
      template.doctor === filter.doctorId)
  );
}

/** Expands templates into their blocks for every date of a range (inclusive), in time order. */
export function expandTemplates(
  templates: readonly TemplateLike[],
  range: { start: IsoDate; end: IsoDate },
  filter: TemplateFilter = {},
): TemplateBlock[] {
  const chosen = templates.filter((t) => templateMatches(t, filter));
  const out: TemplateBlock[] = [];
  for (const date of datesInRange(range.start, range.end)) {
    const weekDay = drchronoWeekday(date);
    for (const t of chosen) {
      if (!t.week_days.includes(weekDay)) continue;
      const span = toWallSpan(spanOf(wallAt(date, t.scheduled_time.slice(0, 8)), t.duration));
      out.push({
        templateId: t.id,
        profileId: t.profile,
        office: t.office,
        examRoom: t.exam_room,
        doctor: t.doctor ?? null,
        date,
        start: span.start,
        end: span.end,
      });
    }
  }
  return out.sort((a, b) =>
    a.start === b.start ? a.examRoom - b.examRoom : a.start < b.start ? -1 : 1,
  );
}
