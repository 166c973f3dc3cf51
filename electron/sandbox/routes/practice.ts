import { z } from 'zod';
import { ApiError, json, notFound, redirect } from '../http';
import type { ExamRoom } from '../model';
import { paginate } from '../paginate';
import { route, type Ctx, type Route } from '../router';
import { bodyObject, bool, check, choice, int, requiredText } from '../validate';
import { presentDoc, resource, type ResourceSpec } from './resource';
import { textParam } from './query';
import { reminderProfileRoutes } from './reminder-profiles';

/** Users, doctors, offices and the practice's settings lists. */

const usersSpec: ResourceSpec = {
  path: '/api/users',
  table: (ctx) => ctx.env.db.users,
  methods: ['GET'],
  stamps: { created: false, updated: false },
};

const officeSpec: ResourceSpec = {
  path: '/api/offices',
  table: (ctx) => ctx.env.db.offices,
  methods: ['GET', 'PATCH'],
  archivable: true,
  verboseKeys: ['online_timeslots'],
  stamps: { created: false, updated: false },
  keepUnknown: false,
  shape: {
    online_scheduling: bool().optional(),
    online_timeslots: z
      .array(
        z.object({
          day: int().pipe(z.number().min(0).max(6)),
          hour: int().pipe(z.number().min(0).max(23)),
          minute: int().refine(
            (m) => [0, 15, 30, 45].includes(m),
            'Minute must be 0, 15, 30 or 45.',
          ),
        }),
      )
      .optional(),
  },
};

const addExamRoom = (ctx: Ctx): Response => {
  const office = ctx.env.db.offices.get(Number(ctx.params.id));
  if (!office || !/^\d+$/.test(ctx.params.id ?? '')) throw notFound();
  const input = check(
    z.object({ name: requiredText(), online_scheduling: bool().optional() }),
    bodyObject(ctx.body),
  );
  const rooms = office.data.exam_rooms as ExamRoom[];
  rooms.push({
    index: rooms.length + 1,
    name: input.name,
    online_scheduling: input.online_scheduling ?? false,
  });
  office.updatedMs = ctx.now;
  // The whole office, including the verbose-only fields: the client asked for this object.
  return json(201, {
    ...presentDoc(officeSpec, ctx, office),
    online_timeslots: office.data.online_timeslots,
  });
};

const insurances = (ctx: Ctx): Response => {
  const payerType = textParam(ctx, 'payer_type');
  if (payerType === undefined) throw new ApiError(400, { payer_type: ['This field is required.'] });
  check(choice(['emdeon', 'gateway', 'ihcfa']), payerType);
  const term = (textParam(ctx, 'term') ?? '').toLowerCase();
  const found = ctx.env.db.payers.filter(
    (p) =>
      !term ||
      p.payer_name.toLowerCase().includes(term) ||
      p.payer_id.toLowerCase().includes(term) ||
      p.state.toLowerCase() === term,
  );
  return paginate(ctx, found, (p) => p);
};

/** POST answers 302 to a per-doctor URL, as the reference warns: clients must replay the POST. */
const iframe = (ctx: Ctx): Response =>
  redirect(`${ctx.baseUrl}/api/iframe_integration/${String(ctx.user.data.doctor)}`);

const iframeFor = (ctx: Ctx): Response => {
  const doctor = Number(ctx.params.id);
  if (doctor !== ctx.user.data.doctor) throw notFound();
  if (ctx.method === 'DELETE') {
    ctx.env.db.iframeIntegrations.delete(doctor);
    return new Response(null, { status: 204 });
  }
  ctx.env.db.iframeIntegrations.add(doctor);
  return json(201, { doctor, iframe_integration: true });
};

const readOnlyList = (
  path: string,
  table: ResourceSpec['table'],
  extra: Partial<ResourceSpec> = {},
): Route[] => resource({ path, table, methods: ['GET'], ...extra });

export const practiceRoutes: Route[] = [
  route('/api/users/current', {
    GET: (ctx) => redirect(`${ctx.baseUrl}/api/users/${String(ctx.user.id)}`),
  }),
  ...resource(usersSpec),
  ...readOnlyList('/api/user_groups', (ctx) => ctx.env.db.userGroups, { archivable: true }),
  ...readOnlyList('/api/doctors', (ctx) => ctx.env.db.doctors, {
    stamps: { created: false, updated: false },
  }),
  route('/api/offices/:id/add_exam_room', { POST: addExamRoom }),
  ...resource(officeSpec),
  ...reminderProfileRoutes,
  ...readOnlyList('/api/custom_appointment_fields', (ctx) => ctx.env.db.customAppointmentFields, {
    archivable: true,
  }),
  ...readOnlyList('/api/custom_demographics', (ctx) => ctx.env.db.customDemographics, {
    archivable: true,
    stamps: { created: false, updated: false },
  }),
  ...readOnlyList('/api/patient_flag_types', (ctx) => ctx.env.db.patientFlagTypes),
  route('/api/insurances', { GET: insurances }),
  route('/api/iframe_integration', {
    POST: iframe,
    DELETE: (ctx) => {
      ctx.env.db.iframeIntegrations.delete(Number(ctx.user.data.doctor));
      return new Response(null, { status: 204 });
    },
  }),
  route('/api/iframe_integration/:id', { POST: iframeFor, DELETE: iframeFor }),
];
