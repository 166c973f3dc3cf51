import { z } from 'zod';
import type { DataChanged, historyRetentionChoices } from '../../shared/contract';
import { historyEntryViewSchema, type HistoryEntryView } from '../../shared/contract';
import type { Clock } from '../../shared/time/clock';
import { todayIn, type IsoDate } from '../../shared/time/practice-time';
import type { EventBus } from '../app/services';
import type { PlainStore, SecureStore } from '../store/types';
import { DocWriter } from '../sync/doc-writer';
import type { OutboxEvent } from '../sync/edit-queue';
import { localIdFor } from '../sync/outbox-entry';

/**
 * This workstation's changes (issue 12 item 7): every edit the outbox takes, who was signed in,
 * what it changed from and to, and whether drchrono took it. The entries name patients, so they
 * live only in the encrypted store; the retention setting (a number) is the only thing kept in
 * plain settings.
 */

type DataKind = DataChanged['kinds'][number];

export const HISTORY_DOCUMENT = 'change-history';
const RETENTION_KEY = 'history';
const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
/** A busy desk makes a few hundred changes a day; this bounds the document whatever the setting. */
const MAX_ENTRIES = 20_000;

const historyDocumentSchema = z.strictObject({
  version: z.literal(1),
  entries: z.array(historyEntryViewSchema),
});
type HistoryDocument = z.infer<typeof historyDocumentSchema>;

const retentionSchema = z.strictObject({ retentionDays: z.int().min(1).max(3650) });

export interface HistoryQuery {
  patientId?: number | undefined;
  day?: IsoDate | undefined;
  appointmentId?: string | undefined;
  limit?: number | undefined;
}

export interface ChangeHistory {
  /** Loads the saved history (call before the first edit). */
  init(): Promise<void>;
  list(query: HistoryQuery): Promise<HistoryEntryView[]>;
  retentionDays(): number;
  setRetention(days: (typeof historyRetentionChoices)[number]): Promise<number>;
  /** Resolves once nothing is being written (tests, shutdown). */
  idle(): Promise<void>;
}

/** What the history needs to know about an appointment an edit names (from the cache, no call). */
export interface AppointmentFacts {
  patient: number | null;
  office: number | null;
}

export interface ChangeHistoryOptions {
  store: SecureStore;
  plain: PlainStore;
  clock: Clock;
  events: EventBus;
  queue: { onEvent(listener: (event: OutboxEvent) => void): () => void };
  /** The username signed in now. */
  who: () => string | null;
  /** The practice's zone (null before it is known: UTC then). */
  zone: () => string | null;
  appointment: (id: string) => AppointmentFacts | null;
}

export function createChangeHistory(options: ChangeHistoryOptions): ChangeHistory {
  const { store, plain, clock, events } = options;
  let doc: HistoryDocument = { version: 1, entries: [] };
  const writer = new DocWriter(store, HISTORY_DOCUMENT, () => doc);
  let loading: Promise<void> | null = null;

  const retentionDays = (): number =>
    plain.get(RETENTION_KEY, retentionSchema)?.retentionDays ?? DEFAULT_RETENTION_DAYS;

  const init = (): Promise<void> => {
    loading ??= (async () => {
      try {
        doc = (await store.read(HISTORY_DOCUMENT, historyDocumentSchema)) ?? doc;
      } catch {
        // Unreadable (tampered, or an older shape): kept aside for support, a new one started.
        await store.quarantine(HISTORY_DOCUMENT).catch(() => undefined);
      }
      if (prune()) save();
    })();
    return loading;
  };

  function prune(): boolean {
    const cutoff = clock.now() - retentionDays() * DAY_MS;
    const before = doc.entries.length;
    doc.entries = doc.entries.filter((e) => e.at >= cutoff).slice(-MAX_ENTRIES);
    return doc.entries.length !== before;
  }

  function save(): void {
    writer.save().catch(() => {
      // Kept in memory; the next successful write carries it.
    });
  }

  function apply(event: OutboxEvent): void {
    const now = clock.now();
    let entry = doc.entries.find((e) => e.id === event.entry.id);
    if (!entry) {
      entry = fromOutbox(event.entry, options);
      doc.entries.push(entry);
    }
    switch (event.kind) {
      case 'submitted':
        break;
      case 'delivered':
        entry.state = 'delivered';
        entry.message = null;
        entry.settledAt = now;
        if (event.entry.op === 'create' && event.serverId !== null) {
          entry.targetId = event.serverId;
          if (event.entry.resource === 'appointments') entry.appointmentId = event.serverId;
        }
        break;
      case 'refused':
      case 'conflict':
        entry.state = event.kind;
        entry.message = event.message;
        entry.settledAt = now;
        break;
      case 'waiting':
        entry.state = 'waiting';
        entry.message = event.message;
        break;
      case 'dropped':
        entry.state = 'dropped';
        entry.message = 'Taken back before it reached drchrono.';
        entry.settledAt = now;
        break;
    }
    prune();
    save();
    // A queued write that reaches drchrono later also refreshes the screens that show it.
    const delivered = event.kind === 'delivered' ? deliveredKind[event.entry.resource] : undefined;
    events.emit('data:changed', { kinds: delivered ? ['history', delivered] : ['history'] });
  }

  options.queue.onEvent((event) => {
    void init().then(() => {
      apply(event);
    });
  });

  return {
    init,
    async list(query) {
      await init();
      const matches = doc.entries.filter(
        (e) =>
          (query.patientId === undefined || e.patientId === query.patientId) &&
          (query.day === undefined || e.day === query.day) &&
          (query.appointmentId === undefined || e.appointmentId === query.appointmentId),
      );
      return matches
        .slice()
        .sort((a, b) => b.at - a.at)
        .slice(0, query.limit ?? 500)
        .map((e) => structuredClone(e));
    },
    retentionDays,
    async setRetention(days) {
      await init();
      plain.set(RETENTION_KEY, { retentionDays: days });
      if (prune()) {
        save();
        events.emit('data:changed', { kinds: ['history'] });
      }
      return days;
    },
    async idle() {
      await loading;
      await writer.idle();
    },
  };
}

/** The views a delivered edit changes (appointments announce themselves through the book). */
const deliveredKind: Partial<Record<OutboxEvent['entry']['resource'], DataKind>> = {
  documents: 'documents',
  patient_payments: 'billing',
  line_items: 'billing',
  allergies: 'clinical',
  medications: 'clinical',
  problems: 'clinical',
  tasks: 'tasks',
};

function fromOutbox(entry: OutboxEvent['entry'], options: ChangeHistoryOptions): HistoryEntryView {
  const body = entry.body;
  const appointmentId =
    entry.resource === 'appointments'
      ? entry.op === 'create'
        ? localIdFor(entry.id)
        : entry.targetId
      : idString(body.appointment);
  // A booking not made yet has nothing to look up; a payment or line item names its visit.
  const newBooking = entry.resource === 'appointments' && entry.op === 'create';
  const facts = appointmentId !== null && !newBooking ? options.appointment(appointmentId) : null;
  const patientId =
    intOrNull(body.patient) ??
    (entry.resource === 'patients' ? intOrNull(entry.targetId) : null) ??
    facts?.patient ??
    null;
  // The file stays in the outbox until sent; the history names it only.
  const after: Record<string, unknown> = entry.file ? { ...body, file: entry.file.name } : body;
  return {
    id: entry.id,
    at: entry.createdAt,
    day: todayIn(options.zone() ?? 'UTC', entry.createdAt),
    by: options.who(),
    resource: entry.resource,
    op: entry.op,
    targetId: entry.targetId,
    summary: entry.summary,
    patientId,
    appointmentId,
    officeId: intOrNull(body.office) ?? facts?.office ?? null,
    before: entry.base,
    after: structuredClone(after),
    state: 'sending',
    message: null,
    settledAt: null,
  };
}

function intOrNull(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}

function idString(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : null;
}
