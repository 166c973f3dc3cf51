import type { calendarChannels } from '../../shared/contract/calendar-channels';
import type { Services } from '../app/services';
import type { DomainService } from '../app/domain-service';
import { createClashExplainer, type ClashDeps } from './clash-explainer';
import { createOpeningFinder, type OpeningDeps } from './opening-finder';

/** The calendar settings (profiles, templates, exam rooms) are practice-settings.ts's. */
export type CalendarChannel = Exclude<
  keyof typeof calendarChannels,
  `profiles:${string}` | `templates:${string}` | 'offices:addExamRoom'
>;

/** Only what the calendar uses. */
export type CalendarDeps = ClashDeps & OpeningDeps & Pick<Services, 'sync'>;

/**
 * The calendar, the appointments domain's one service: reference data and the book through the
 * sync services (cache first, edits through the outbox), a refused booking or move explained
 * (clash-explainer.ts), and "Find next opening" (opening-finder.ts).
 */
export function createCalendarService(deps: CalendarDeps): DomainService<CalendarChannel> {
  const clashes = createClashExplainer(deps);
  const findOpening = createOpeningFinder(deps);
  return {
    'practice:get': () => deps.practice.get(),
    'practice:refresh': () => deps.practice.get({ refresh: true }),

    'appointments:list': async (request) => {
      const range = {
        start: request.start,
        end: request.end,
        officeId: request.officeId,
        doctorId: request.doctorId,
      };
      const book = await deps.book.range(range);
      // The dates on screen are the ones sync keeps fresh.
      if (book.ok) deps.sync.watch(range);
      return book;
    },
    'appointments:get': (request) => deps.book.get(request.id),
    'appointments:forPatient': (request) => deps.book.forPatient(request.patientId),

    'appointments:create': async (request) => {
      const reply = await deps.book.create(request.appointment);
      if (reply.ok || reply.error.code !== 'conflict') return reply;
      return { ok: false, error: await clashes.explainCreate(request.appointment, reply.error) };
    },
    'appointments:update': async (request) => {
      const reply = await deps.book.update(request.id, request.changes, request.base);
      if (reply.ok || reply.error.code !== 'conflict') return reply;
      const explained = await clashes.explainMove(request, reply.error);
      return explained ? { ok: false, error: explained } : reply;
    },
    'appointments:delete': (request) => deps.book.remove(request.id),

    'schedule:findOpening': (request) => findOpening(request),
  };
}
