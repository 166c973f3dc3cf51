import { str, type Doc } from '../model';
import type { Ctx, Route } from '../router';
import { dateParam, dateRangeParam, intParam } from './query';
import { byInt, resource, type ResourceSpec } from './resource';

/**
 * `/api/eligibility_checks`: past checks, GET only (the reference lists no writes; checks are run
 * from drchrono's own appointment pop-up). Filters by patient, appointment, the appointment's date
 * (or range) and the date the check ran (or range). `coverage_details` needs `verbose=true`.
 */

const appointmentDay = (ctx: Ctx, doc: Doc): string | undefined => {
  const id = doc.data.appointment;
  if (id === null || id === undefined) return undefined;
  return ctx.env.db.appointments.get(str(id))?.scheduled_time.slice(0, 10);
};

const queryDay = (doc: Doc): string => str(doc.data.query_date).slice(0, 10);

const inRange = (day: string | undefined, range: [string, string] | undefined): boolean =>
  range === undefined || (day !== undefined && day >= range[0] && day <= range[1]);

const listFilter = (param: string, pick: (ctx: Ctx, doc: Doc) => string | undefined) => ({
  [param]: (doc: Doc, ctx: Ctx) => {
    const want = dateParam(ctx, param);
    return want === undefined || pick(ctx, doc) === want;
  },
  [`${param}_range`]: (doc: Doc, ctx: Ctx) =>
    inRange(pick(ctx, doc), dateRangeParam(ctx, `${param}_range`)),
});

const spec: ResourceSpec = {
  path: '/api/eligibility_checks',
  table: (ctx) => ctx.env.db.eligibilityChecks,
  methods: ['GET'],
  verboseKeys: ['coverage_details'],
  stamps: { created: false, updated: false },
  filters: {
    patient: byInt('patient'),
    appointment: (doc, ctx) => {
      const want = intParam(ctx, 'appointment');
      return want === undefined || doc.data.appointment === want;
    },
    ...listFilter('appointment_date', appointmentDay),
    ...listFilter('query_date', (_ctx, doc) => queryDay(doc)),
  },
};

/** A write answers 405 (the router's answer for a method a route lacks), as DRF does. */
export const eligibilityRoutes: Route[] = resource(spec);
