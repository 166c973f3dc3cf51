import type { Appointment, CanaryPlacement, Doc, ExamRoom, LineItem, Payer } from './model';
import { numericTable, Table, type TableDump } from './store';

/** Every table of the sandbox practice. Ids start at distinct bases so mixed-up ids show. */
export class Db {
  practiceGroup = { id: 4217, name: 'Riverbend Family Medicine' };
  readonly doctors = numericTable<Doc>(310001);
  readonly users = numericTable<Doc>(420001);
  readonly userGroups = numericTable<Doc>(1401);
  readonly offices = numericTable<Doc>(520001);
  readonly profiles = numericTable<Doc>(610001);
  readonly templates = numericTable<Doc>(620001);
  readonly reminderProfiles = numericTable<Doc>(1501);
  readonly customAppointmentFields = numericTable<Doc>(1801);
  readonly customDemographics = numericTable<Doc>(1601);
  readonly patientFlagTypes = numericTable<Doc>(1701);
  readonly patients = numericTable<Doc>(7000001);
  readonly appointments = new Table<string, Appointment>(80000001, String);
  readonly lineItems = numericTable<LineItem>(910001);
  readonly payments = numericTable<Doc>(920001);
  readonly paymentLog = numericTable<Doc>(930001);
  readonly transactions = numericTable<Doc>(940001);
  readonly allergies = numericTable<Doc>(950001);
  readonly medications = numericTable<Doc>(960001);
  readonly problems = numericTable<Doc>(970001);
  readonly tasks = numericTable<Doc>(980001);
  readonly taskCategories = numericTable<Doc>(1101);
  readonly taskStatuses = numericTable<Doc>(1201);
  readonly taskTemplates = numericTable<Doc>(1301);
  /** Past eligibility checks (read-only at drchrono: only the seed writes them). */
  readonly eligibilityChecks = numericTable<Doc>(990001);
  readonly documents = numericTable<Doc>(995001);
  /** The uploaded files behind `documents`, served at signed `/media/...` URLs. */
  readonly documentFiles = new Map<number, { name: string; type: string; bytes: Uint8Array }>();
  readonly iframeIntegrations = new Set<number>();
  /** Ids for appointment reminders, which are nested but carry ids of their own. */
  reminderSeq = 1;
  payers: Payer[] = [];
  canaries: CanaryPlacement[] = [];
  timezone = 'America/New_York';

  examRooms(officeId: number): ExamRoom[] {
    const office = this.offices.get(officeId);
    return office ? (office.data.exam_rooms as ExamRoom[]) : [];
  }

  /** Appointments that still hold their room: not deleted, not cancelled. */
  blocking(): Appointment[] {
    return this.appointments.all().filter((a) => !a.deleted_flag && a.status !== 'Cancelled');
  }

  patientLineItems(patientId: number): LineItem[] {
    return this.lineItems.all().filter((li) => li.patient === patientId);
  }

  private tables(): Table<string | number, { id: string | number }>[] {
    return [
      this.doctors,
      this.users,
      this.userGroups,
      this.offices,
      this.profiles,
      this.templates,
      this.reminderProfiles,
      this.customAppointmentFields,
      this.customDemographics,
      this.patientFlagTypes,
      this.patients,
      this.appointments,
      this.lineItems,
      this.payments,
      this.paymentLog,
      this.transactions,
      this.allergies,
      this.medications,
      this.problems,
      this.tasks,
      this.taskCategories,
      this.taskStatuses,
      this.taskTemplates,
      this.eligibilityChecks,
      this.documents,
    ];
  }

  clear(): void {
    for (const table of this.tables()) table.clear();
    this.iframeIntegrations.clear();
    this.documentFiles.clear();
    this.reminderSeq = 1;
    this.payers = [];
    this.canaries = [];
  }

  /** Everything seeding produced, deep-copied: seeding is slow, restoring a copy is not. */
  dump(): DbDump {
    return {
      tables: this.tables().map((t) => t.dump()),
      reminderSeq: this.reminderSeq,
      payers: structuredClone(this.payers),
      canaries: structuredClone(this.canaries),
      timezone: this.timezone,
    };
  }

  load(dump: DbDump): void {
    this.clear();
    this.tables().forEach((t, i) => {
      const d = dump.tables[i];
      if (d) t.load(d);
    });
    this.reminderSeq = dump.reminderSeq;
    this.payers = structuredClone(dump.payers);
    this.canaries = structuredClone(dump.canaries);
    this.timezone = dump.timezone;
  }
}

export interface DbDump {
  tables: TableDump<{ id: string | number }>[];
  reminderSeq: number;
  payers: Payer[];
  canaries: CanaryPlacement[];
  timezone: string;
}
