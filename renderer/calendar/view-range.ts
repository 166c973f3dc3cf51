import type { Prefs } from '../../shared/contract';
import { addDays, drchronoWeekday, type IsoDate } from '../../shared/time/practice-time';

export type CalendarView = Prefs['calendar']['view'];

/** The FullCalendar view behind each of the desk's views. */
export const fullCalendarView: Record<CalendarView, string> = {
  rooms: 'resourceTimeGridDay',
  week: 'timeGridWeek',
  month: 'dayGridMonth',
  agenda: 'listWeek',
};

export const viewNames: Record<CalendarView, string> = {
  rooms: 'Rooms',
  week: 'Week',
  month: 'Month',
  agenda: 'Agenda',
};

/** The first day of the week holding a date: Monday (drchrono's week day 0) or Sunday. */
export function weekStart(date: IsoDate, firstDay: 0 | 1 = 1): IsoDate {
  const fromMonday = drchronoWeekday(date);
  return addDays(date, -(firstDay === 1 ? fromMonday : (fromMonday + 1) % 7));
}

/** The practice dates a view shows around a date (inclusive): what the book must hold. */
export function visibleRange(
  view: CalendarView,
  date: IsoDate,
  firstDay: 0 | 1 = 1,
): { start: IsoDate; end: IsoDate } {
  switch (view) {
    case 'rooms':
      return { start: date, end: date };
    case 'week':
    case 'agenda': {
      const start = weekStart(date, firstDay);
      return { start, end: addDays(start, 6) };
    }
    case 'month': {
      // The six-week grid FullCalendar draws for the month.
      const start = weekStart(`${date.slice(0, 7)}-01`, firstDay);
      return { start, end: addDays(start, 41) };
    }
  }
}

/** Previous/next: a day in the rooms view, a week, or a month. */
export function stepDate(view: CalendarView, date: IsoDate, direction: 1 | -1): IsoDate {
  if (view === 'rooms') return addDays(date, direction);
  if (view === 'week' || view === 'agenda') return addDays(date, 7 * direction);
  const [y, m] = date.split('-').map(Number) as [number, number];
  const month = new Date(Date.UTC(y, m - 1 + direction, 1));
  return month.toISOString().slice(0, 10);
}

const dayTitle = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
});
const shortDayTitle = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const shortDay = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
});
const monthTitle = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'long',
  year: 'numeric',
});

function asDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * "Monday, November 23, 2026" ("Mon, Nov 23, 2026" when short), "Nov 23 – Nov 29, 2026",
 * "November 2026".
 */
export function rangeTitle(
  view: CalendarView,
  date: IsoDate,
  firstDay: 0 | 1 = 1,
  short = false,
): string {
  if (view === 'rooms') return (short ? shortDayTitle : dayTitle).format(asDate(date));
  if (view === 'month') return monthTitle.format(asDate(date));
  const { start, end } = visibleRange(view, date, firstDay);
  return `${shortDay.format(asDate(start))} – ${shortDay.format(asDate(end))}, ${end.slice(0, 4)}`;
}

export function formatDay(date: IsoDate): string {
  return dayTitle.format(asDate(date));
}
