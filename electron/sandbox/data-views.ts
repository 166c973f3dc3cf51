import type { Doc, JsonRecord } from './model';
import { presentLineItem } from './routes/billing';
import { presentAppointment } from './routes/appointments';
import { patientSpec } from './routes/patients';
import { presentDoc } from './routes/resource';
import type { SandboxState } from './state';
import type { Table } from './store';
import { formatStamp } from './time';
import { viewCtx } from './view-context';

/**
 * Read access to the sandbox's records for tests and the benchmark, in API shape (verbose), as
 * copies: changing them changes nothing. Lists include deleted appointments (`deleted_flag`).
 */
export interface DataView {
  list(): JsonRecord[];
  get(id: string | number): JsonRecord | undefined;
  count(): number;
}

export interface SandboxData {
  appointments: DataView;
  patients: DataView;
  lineItems: DataView;
  payments: DataView;
  paymentLog: DataView;
  transactions: DataView;
  doctors: DataView;
  users: DataView;
  offices: DataView;
  profiles: DataView;
  templates: DataView;
  allergies: DataView;
  medications: DataView;
  problems: DataView;
  tasks: DataView;
  taskCategories: DataView;
  taskStatuses: DataView;
  taskTemplates: DataView;
}

function docView(state: SandboxState, table: () => Table<number, Doc>): DataView {
  const present = (doc: Doc): JsonRecord => {
    const tz = state.options.timezone;
    return structuredClone({
      id: doc.id,
      ...doc.data,
      created_at: formatStamp(doc.createdMs, tz),
      updated_at: formatStamp(doc.updatedMs, tz),
      ...(doc.deleted ? { deleted: true } : {}),
    });
  };
  return {
    list: () => table().all().map(present),
    get: (id) => {
      const doc = table().get(Number(id));
      return doc ? present(doc) : undefined;
    },
    count: () => table().size,
  };
}

export function dataViews(state: SandboxState): SandboxData {
  const { db } = state;
  const docs = (t: () => Table<number, Doc>) => docView(state, t);
  return {
    appointments: {
      list: () => {
        const ctx = viewCtx(state);
        return structuredClone(db.appointments.all().map((a) => presentAppointment(ctx, a, true)));
      },
      get: (id) => {
        const a = db.appointments.get(String(id));
        return a ? structuredClone(presentAppointment(viewCtx(state), a, true)) : undefined;
      },
      count: () => db.appointments.size,
    },
    patients: {
      list: () => {
        const ctx = viewCtx(state);
        return structuredClone(db.patients.all().map((p) => presentDoc(patientSpec, ctx, p)));
      },
      get: (id) => {
        const p = db.patients.get(Number(id));
        return p ? structuredClone(presentDoc(patientSpec, viewCtx(state), p)) : undefined;
      },
      count: () => db.patients.size,
    },
    lineItems: {
      list: () => {
        const ctx = viewCtx(state);
        return structuredClone(db.lineItems.all().map((li) => presentLineItem(ctx, li)));
      },
      get: (id) => {
        const li = db.lineItems.get(Number(id));
        return li ? structuredClone(presentLineItem(viewCtx(state), li)) : undefined;
      },
      count: () => db.lineItems.size,
    },
    payments: docs(() => db.payments),
    paymentLog: docs(() => db.paymentLog),
    transactions: docs(() => db.transactions),
    doctors: docs(() => db.doctors),
    users: docs(() => db.users),
    offices: docs(() => db.offices),
    profiles: docs(() => db.profiles),
    templates: docs(() => db.templates),
    allergies: docs(() => db.allergies),
    medications: docs(() => db.medications),
    problems: docs(() => db.problems),
    tasks: docs(() => db.tasks),
    taskCategories: docs(() => db.taskCategories),
    taskStatuses: docs(() => db.taskStatuses),
    taskTemplates: docs(() => db.taskTemplates),
  };
}
