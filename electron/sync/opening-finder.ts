import type { ParsedRequestOf, ReplyOf } from '../../shared/contract';
import { appointmentTemplateSchema } from '../../shared/drchrono';
import { err, ok } from '../../shared/result';
import {
  earlierOpening,
  expandTemplates,
  openingFromOpenSlots,
  openingFromTemplates,
  openingInFreeRooms,
} from '../../shared/schedule';
import { addDays, wallDate, type IsoDate } from '../../shared/time/practice-time';
import type { Services } from '../app/services';
import { toErr } from './failures';

/** How many uncached days "Find next opening" may spend a call on, at most, per search. */
export const maxOpeningCalls = 7;
/** Below this share of the hour's cap left, the search stops rather than spend the desk's reserve. */
const openingBudgetFloor = 0.15;

/** Only what the search uses. */
export type OpeningDeps = Pick<Services, 'practice' | 'book' | 'budget' | 'client'>;

export type FindOpening = (
  request: ParsedRequestOf<'schedule:findOpening'>,
) => Promise<ReplyOf<'schedule:findOpening'>>;

/**
 * "Find next opening": the earliest opening for a profile. Days whose book is cached are answered
 * locally from the templates; only an uncached day with a template that day costs one call
 * (drchrono's `available` + verbose `open_slots`), and the search stops early rather than eat the
 * desk's share of the hourly quota.
 */
export function createOpeningFinder(deps: OpeningDeps): FindOpening {
  return async (request) => {
    const practice = await deps.practice.get();
    if (!practice.ok) return practice;
    const { timezone: zone, offices, profiles, templates } = practice.value;
    const office = offices.find((o) => o.id === request.officeId);
    if (!office) return err('not_found', 'That office is not in this practice.');
    const profile = profiles.find((p) => p.id === request.profileId);
    if (!profile) return err('not_found', 'That appointment profile no longer exists.');

    const days = request.days ?? 14;
    const first = wallDate(request.from);
    const last = addDays(first, days - 1);
    const filter = {
      officeId: office.id,
      examRoom: request.examRoom,
      profileId: profile.id,
      doctorId: request.doctorId,
    };
    const blockDates = new Set(
      expandTemplates(templates, { start: first, end: last }, filter).map((b) => b.date),
    );
    let searchedThrough: IsoDate = first;
    let calls = 0;
    const rooms = office.exam_rooms.map((r) => r.index);
    for (let i = 0; i < days; i++) {
      const date = addDays(first, i);
      const cached = deps.book.cachedDay(date, office.id);
      // A day held in memory with visits or template hours is a working day: any empty room
      // counts, template or not (a walk-in fits wherever a room is free). Today comes first.
      const working = blockDates.has(date) || (cached !== null && cached.length > 0);
      if (!working) {
        searchedThrough = date;
        continue;
      }
      const query = {
        date,
        profile,
        office,
        examRoom: request.examRoom,
        doctorId: request.doctorId,
        from: i === 0 ? request.from : `${date}T00:00:00`,
        zone,
      };
      let opening;
      if (cached) {
        opening = earlierOpening(
          blockDates.has(date)
            ? openingFromTemplates({ ...query, templates, appointments: cached })
            : null,
          openingInFreeRooms({ ...query, rooms, appointments: cached }),
        );
      } else {
        if (calls >= maxOpeningCalls || deps.budget.remainingShare() < openingBudgetFloor) break;
        calls += 1;
        const listed = await deps.client.list(
          '/api/appointment_templates',
          appointmentTemplateSchema,
          { available: date, office: office.id, profile: profile.id },
          { priority: 'user', verbose: true },
        );
        if (!listed.ok) {
          if (calls === 1) return toErr(listed.failure);
          break;
        }
        opening = openingFromOpenSlots({
          ...query,
          templates: listed.value.items,
          appointments: null,
        });
      }
      searchedThrough = date;
      if (opening) return ok({ opening, searchedThrough });
    }
    return ok({ opening: null, searchedThrough });
  };
}
