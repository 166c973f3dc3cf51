import { z } from 'zod';
import { listAvailabilitySchema } from './capabilities';
import {
  allergySchema,
  allergyWritable,
  customDemographicFieldSchema,
  insurancePayerSchema,
  isoDate,
  lineItemSchema,
  lineItemWritable,
  medicationSchema,
  medicationWritable,
  patientChanges,
  patientPaymentSchema,
  patientPaymentWritable,
  patientSchema,
  patientSummarySchema,
  patientWritable,
  payerTypes,
  paymentLogEntrySchema,
  problemSchema,
  problemWritable,
  taskCategorySchema,
  taskCategoryWritable,
  taskSchema,
  taskStatusSchema,
  taskStatusWritable,
  taskTemplateSchema,
  taskTemplateWritable,
  taskChanges,
  taskWritable,
  transactionSchema,
  userGroupSchema,
  userSchema,
} from '../drchrono';
import { appointmentId, channel, id, none, shortText } from './define';
import { appointmentItemSchema, writeStateSchema } from './models';

const money = z.string(); // decimal as a string, e.g. "25.00": never a float

/** `skipped`: records drchrono sent that did not fit the schema, left out (the rest are shown). */
const skipped = z.int().min(0).optional();
const clinicalList = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('allergies'), records: z.array(allergySchema), skipped }),
  z.strictObject({ kind: z.literal('medications'), records: z.array(medicationSchema), skipped }),
  z.strictObject({ kind: z.literal('problems'), records: z.array(problemSchema), skipped }),
]);

const clinicalRecord = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('allergies'), record: allergySchema }),
  z.strictObject({ kind: z.literal('medications'), record: medicationSchema }),
  z.strictObject({ kind: z.literal('problems'), record: problemSchema }),
]);

export const recordsChannels = {
  /**
   * The cached roster first (names, close spellings, phone digits, chart ID, birth date, email);
   * `server: true` (or no cached hit) asks drchrono by its filters: name, birth date, email.
   */
  'patients:search': channel(
    z.strictObject({
      text: shortText.optional(),
      firstName: shortText.optional(),
      lastName: shortText.optional(),
      dateOfBirth: isoDate.optional(),
      server: z.boolean().optional(),
      page: z.int().min(1).max(10_000).optional(),
      pageSize: z.int().min(1).max(100).optional(),
    }),
    z.strictObject({
      results: z.array(patientSummarySchema),
      source: z.enum(['cache', 'server']),
      page: z.int(),
      hasMore: z.boolean(),
      /** No name starts with what was typed: these are one letter or so off (cache only). */
      closeSpelling: z.boolean().optional(),
    }),
  ),
  'patients:get': channel(z.strictObject({ id }), z.strictObject({ patient: patientSchema })),
  'patients:create': channel(
    z.strictObject({ patient: patientWritable }),
    z.strictObject({ patient: patientSchema.nullable(), state: writeStateSchema }),
  ),
  /** PATCH with only the changed fields; `base` is what the form showed, for conflict checks. */
  'patients:update': channel(
    z.strictObject({ id, changes: patientChanges, base: patientChanges }),
    z.strictObject({ patient: patientSchema.nullable(), state: writeStateSchema }),
  ),
  'patients:customFields': channel(
    none,
    z.strictObject({
      fields: z.array(customDemographicFieldSchema),
      /** Refused (a front desk without Settings), missing or unreadable: empty, and why. */
      availability: listAvailabilitySchema,
    }),
  ),
  'insurances:search': channel(
    z.strictObject({ payerType: z.enum(payerTypes), term: shortText }),
    z.array(insurancePayerSchema),
  ),

  'billing:appointment': channel(
    z.strictObject({ appointmentId }),
    z.strictObject({
      appointment: appointmentItemSchema,
      lineItems: z.array(lineItemSchema),
      payments: z.array(patientPaymentSchema),
      transactions: z.array(transactionSchema),
      totals: z.strictObject({
        billed: money,
        paid: money,
        balancePatient: money,
        balanceInsurance: money,
        balanceTotal: money,
      }),
      /**
       * Each list on its own: one refused (a clerk without “Access Patients Payments”), missing or
       * unreadable is empty with its one-line reason, and the others still show. Absent: all in full.
       */
      availability: z
        .strictObject({
          lineItems: listAvailabilitySchema,
          payments: listAvailabilitySchema,
          transactions: listAvailabilitySchema,
        })
        .optional(),
    }),
  ),
  'billing:patient': channel(
    z.strictObject({ patientId: id }),
    z.strictObject({
      payments: z.array(patientPaymentSchema),
      log: z.array(paymentLogEntrySchema),
      /** Why the log is empty or short, when drchrono refused it or answered unreadably. */
      logAvailability: listAvailabilitySchema.optional(),
    }),
  ),
  'billing:addLineItem': channel(
    z.strictObject({ lineItem: lineItemWritable }),
    z.strictObject({ lineItem: lineItemSchema.nullable(), state: writeStateSchema }),
  ),
  'billing:addPayment': channel(
    z.strictObject({ payment: patientPaymentWritable }),
    z.strictObject({ payment: patientPaymentSchema.nullable(), state: writeStateSchema }),
  ),

  'clinical:list': channel(
    z.strictObject({ kind: z.enum(['allergies', 'medications', 'problems']), patientId: id }),
    clinicalList,
  ),
  'clinical:create': channel(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('allergies'), record: allergyWritable }),
      z.strictObject({ kind: z.literal('medications'), record: medicationWritable }),
      z.strictObject({ kind: z.literal('problems'), record: problemWritable }),
    ]),
    z.strictObject({ result: clinicalRecord.nullable(), state: writeStateSchema }),
  ),
  /** drchrono has no DELETE here: "remove" is a status change (inactive / resolved). */
  'clinical:update': channel(
    z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('allergies'),
        id,
        changes: allergyWritable.partial(),
        base: allergyWritable.partial(),
      }),
      z.strictObject({
        kind: z.literal('medications'),
        id,
        changes: medicationWritable.partial(),
        base: medicationWritable.partial(),
      }),
      z.strictObject({
        kind: z.literal('problems'),
        id,
        changes: problemWritable.partial(),
        base: problemWritable.partial(),
      }),
    ]),
    z.strictObject({ state: writeStateSchema }),
  ),

  'tasks:list': channel(
    z.strictObject({
      assigneeUser: id.optional(),
      assigneeGroup: id.optional(),
      status: id.optional(),
      category: id.optional(),
      priority: z.union([z.literal(10), z.literal(20), z.literal(30), z.literal(40)]).optional(),
      dueFrom: isoDate.optional(),
      dueTo: isoDate.optional(),
      overdue: z.boolean().optional(),
      includeArchived: z.boolean().optional(),
    }),
    z.strictObject({
      tasks: z.array(taskSchema),
      /** The linked patients known to the cached roster, by id (costs no call). */
      patients: z.record(z.string(), patientSummarySchema),
      fetchedAt: z.number(),
    }),
  ),
  'tasks:meta': channel(
    none,
    z.strictObject({
      categories: z.array(taskCategorySchema),
      statuses: z.array(taskStatusSchema),
      templates: z.array(taskTemplateSchema),
      users: z.array(userSchema),
      groups: z.array(userGroupSchema),
      /** Each list on its own: one refused is empty with its reason. Absent: all in full. */
      availability: z
        .strictObject({
          categories: listAvailabilitySchema,
          statuses: listAvailabilitySchema,
          templates: listAvailabilitySchema,
        })
        .optional(),
    }),
  ),
  'tasks:create': channel(
    z.strictObject({ task: taskWritable }),
    z.strictObject({ task: taskSchema.nullable(), state: writeStateSchema }),
  ),
  'tasks:update': channel(
    z.strictObject({
      id,
      changes: taskChanges,
      base: taskChanges,
    }),
    z.strictObject({ state: writeStateSchema }),
  ),
  'tasks:saveCategory': channel(
    z.strictObject({ id: id.optional(), category: taskCategoryWritable }),
    taskCategorySchema,
  ),
  'tasks:saveStatus': channel(
    z.strictObject({ id: id.optional(), status: taskStatusWritable }),
    taskStatusSchema,
  ),
  'tasks:saveTemplate': channel(
    z.strictObject({ id: id.optional(), template: taskTemplateWritable }),
    taskTemplateSchema,
  ),
} as const;
