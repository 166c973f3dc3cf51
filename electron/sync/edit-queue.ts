import type { OutboxEntryView } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import type { EditOutcome, EditQueue, NewEdit } from '../app/services';
import type { ApiFailure, DrchronoClient } from '../drchrono/types';
import type { SecureStore } from '../store/types';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';
import type { DocWriter } from './doc-writer';
import { sendEdit, type SendOutcome } from './edit-sender';
import { drchronoMessage, toErr, waitHintMs } from './failures';
import {
  isLocalId,
  localIdFor,
  targetKey,
  toView,
  type OutboxDocument,
  type OutboxEntry,
} from './outbox-entry';
import {
  compareOwner,
  dropKeptOutbox,
  emptyOutbox,
  loadOutbox,
  outboxWriter,
  swapOutbox,
  type CurrentOwner,
} from './outbox-store';

export interface EditQueueOptions {
  store: SecureStore;
  /** The tracked client (outcomes feed connectivity). */
  client: DrchronoClient;
  clock: Clock;
  /** Whether to try the network at all (false while offline or signed out). */
  isOnline: () => boolean;
  /** The practice's IANA zone, to read drchrono's timestamps when looking for a create. */
  zone: () => string | null;
  backoff?: Partial<Omit<BackoffOptions, 'random'>>;
  random?: () => number;
  newId?: () => string;
  /**
   * How long the immediate attempt may keep the user waiting before the edit is simply queued
   * (the client's own timeouts and retries could otherwise take a minute on a dead network).
   */
  immediateTimeoutMs?: number;
  /**
   * The connection signed in now (server + practice group). With it, edits go only to the
   * connection the outbox belongs to; another connection's outbox is kept aside, not sent.
   * Without it (unit tests of the queue alone), every edit goes to the one client.
   */
  owner?: () => CurrentOwner | null;
}

export interface Delivery {
  entry: OutboxEntry;
  /** drchrono's body: the created record, or null for 204. */
  response: unknown;
  serverId: string | null;
}

type Action = 'keep-mine' | 'keep-theirs' | 'move' | 'retry';

/**
 * What happened to an edit, for the desk's change history: made, delivered, refused by drchrono,
 * in conflict, waiting for the network, or dropped (its booking never left, or "keep theirs").
 */
export type OutboxEvent =
  | { kind: 'submitted'; entry: OutboxEntry }
  | { kind: 'delivered'; entry: OutboxEntry; serverId: string | null }
  | { kind: 'refused' | 'conflict' | 'waiting'; entry: OutboxEntry; message: string }
  | { kind: 'dropped'; entry: OutboxEntry };

/** Files wait in the outbox document itself (encrypted): bounded so it stays quick to rewrite. */
export const maxQueuedFileChars = 16 * 1024 * 1024;

/**
 * The outbox (issue 5 "Outbox", reliability D23–D29). Every edit is in an encrypted, atomically
 * written document before `submit` resolves; then it is sent (online) or waits (offline). Edits
 * of one record go out in the order they were made, each exactly once: a POST whose answer was
 * lost is looked for before it is sent again. drchrono's refusals are parked with its message,
 * clashes become conflicts the user settles, and network trouble is retried with backoff.
 * Nothing is dropped and nothing expires; only `discardAll` (sign-out, after asking) clears it.
 */
export class OutboxQueue implements EditQueue {
  private doc: OutboxDocument = emptyOutbox();
  private writer: DocWriter | null = null;
  private loading: Promise<void> | null = null;
  private writable = true;
  private problemText: string | null = null;
  /** Entries on the wire (or claimed for an immediate attempt): never sent twice at once. */
  private readonly sending = new Set<string>();
  private draining: Promise<void> | null = null;
  private binding: Promise<boolean> | null = null;
  private readonly switchListeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly deliveryListeners = new Set<(delivery: Delivery) => void>();
  private readonly submitListeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: OutboxEvent) => void>();
  private readonly backoff: BackoffOptions;
  private readonly newId: () => string;

  constructor(private readonly options: EditQueueOptions) {
    this.backoff = {
      ...defaultBackoff,
      ...options.backoff,
      random: options.random ?? Math.random,
    };
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID().slice(0, 13));
  }

  /** Loads the saved outbox (once). Every other method waits for it. */
  init(): Promise<void> {
    this.loading ??= (async () => {
      const loaded = await loadOutbox(this.options.store);
      this.doc = loaded.document;
      this.writable = loaded.writable;
      this.problemText = loaded.problem;
      this.writer = outboxWriter(this.options.store, () => this.doc);
      if (loaded.problem) this.notify();
    })();
    return this.loading;
  }

  /** Why the saved outbox was set aside, if it was (shown in `sync:status.message`). */
  problem(): string | null {
    return this.problemText;
  }

  async submit(edit: NewEdit): Promise<Result<EditOutcome>> {
    await this.init();
    const mine = await this.bind();
    for (const listener of [...this.submitListeners]) listener();
    const now = this.options.clock.now();
    const targetId = this.resolveId(edit.targetId ?? null);
    const body = rewriteIds(edit.body, this.doc.delivered);

    if (edit.file) {
      const waiting = this.doc.entries.reduce((n, e) => n + (e.file?.base64.length ?? 0), 0);
      if (waiting + edit.file.base64.length > maxQueuedFileChars) {
        return err(
          'invalid_input',
          'Too many documents are waiting to be sent already. Attach this one once drchrono is ' +
            'reachable and the outbox has sent the others.',
        );
      }
    }

    if (edit.op === 'delete' && isLocalId(targetId)) {
      const dropped = this.dropUnsentCreate(targetId);
      if (dropped) {
        // Nothing left to send; if this write fails the booking reappears after a restart and
        // is sent then: never lost, at worst the user deletes it again.
        await this.saveQuietly();
        this.notify();
        return ok({ state: 'saved', response: null, outboxId: dropped });
      }
    }

    const entry: OutboxEntry = {
      id: `e${String(this.doc.seq + 1)}-${this.newId()}`,
      seq: this.doc.seq + 1,
      resource: edit.resource,
      op: edit.op,
      targetId,
      body,
      base: edit.base ?? null,
      summary: edit.summary,
      state: 'pending',
      message: null,
      attempts: 0,
      createdAt: now,
      notBefore: now,
      uncertain: false,
      firstSentAt: null,
      force: false,
      theirs: null,
      mine: null,
      ...(edit.file ? { file: edit.file } : {}),
    };
    this.doc.seq = entry.seq;
    this.doc.entries.push(entry);
    // Claimed before the first await, so a drain running meanwhile cannot send it too.
    this.sending.add(entry.id);
    try {
      await this.save();
    } catch {
      this.sending.delete(entry.id);
      this.doc.entries = this.doc.entries.filter((e) => e !== entry);
      this.notify();
      return err(
        'internal',
        'The change could not be saved on this computer, so it was not made. Try again.',
      );
    }
    this.emit({ kind: 'submitted', entry });
    if (!mine || !this.options.isOnline() || this.isBlocked(entry)) {
      this.sending.delete(entry.id);
      this.notify();
      return ok({ state: 'queued', outboxId: entry.id });
    }
    this.notify();
    const result = await this.attempt(entry, true);
    this.kick();
    return result;
  }

  entries(): OutboxEntryView[] {
    return this.doc.entries.map((e) => toView(e, this.sending.has(e.id)));
  }

  /** The raw entries (read-only): the book overlays pending appointment edits from these. */
  pending(resource?: OutboxEntry['resource']): readonly OutboxEntry[] {
    return resource ? this.doc.entries.filter((e) => e.resource === resource) : this.doc.entries;
  }

  isSending(id: string): boolean {
    return this.sending.has(id);
  }

  async resolve(
    id: string,
    action: Action,
    move?: { scheduledTime: string; examRoom: number },
  ): Promise<Result<OutboxEntryView[]>> {
    await this.init();
    const entry = this.doc.entries.find((e) => e.id === id);
    if (!entry) return err('not_found', 'That change is no longer waiting to be sent.');
    if (this.sending.has(id)) return err('conflict', 'That change is being sent right now.');
    const now = this.options.clock.now();
    switch (action) {
      case 'keep-theirs':
        this.remove(entry);
        this.orphanDependents(entry);
        this.emit({ kind: 'dropped', entry });
        break;
      case 'move':
        if (entry.resource !== 'appointments' || entry.op === 'delete' || !move) {
          return err('invalid_input', 'Only a booking or a move can be moved to another time.');
        }
        entry.body = {
          ...entry.body,
          scheduled_time: move.scheduledTime,
          exam_room: move.examRoom,
        };
        this.reopen(entry, now);
        break;
      case 'keep-mine':
        entry.force = true;
        this.reopen(entry, now);
        break;
      case 'retry':
        this.reopen(entry, now);
        break;
    }
    try {
      await this.save();
    } catch {
      return err('internal', 'The choice could not be saved on this computer. Try again.');
    }
    this.notify();
    if (this.options.isOnline()) void this.drain();
    return ok(this.entries());
  }

  unsentCount(): number {
    return this.doc.entries.length;
  }

  counts(): { pending: number; conflicts: number; attention: number } {
    let pending = 0;
    let conflicts = 0;
    let attention = 0;
    for (const e of this.doc.entries) {
      if (e.state === 'pending') pending += 1;
      else if (e.state === 'conflict') conflicts += 1;
      else attention += 1;
    }
    return { pending, conflicts, attention };
  }

  /** Sign-out, after the user agreed. A failed write keeps the edits on disk: safe, not lost. */
  async discardAll(): Promise<void> {
    await this.init();
    this.doc = { ...emptyOutbox(), seq: this.doc.seq };
    await this.saveQuietly();
    this.notify();
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onDelivered(listener: (delivery: Delivery) => void): () => void {
    this.deliveryListeners.add(listener);
    return () => this.deliveryListeners.delete(listener);
  }

  /** Every step of every edit (the change history listens). */
  onEvent(listener: (event: OutboxEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  private emit(event: OutboxEvent): void {
    for (const listener of [...this.eventListeners]) {
      try {
        listener(event);
      } catch {
        // A listener's trouble is never the edit's.
      }
    }
  }

  /** Someone made an edit: the desk is in use. */
  onSubmit(listener: () => void): () => void {
    this.submitListeners.add(listener);
    return () => this.submitListeners.delete(listener);
  }

  /** The earliest instant a waiting edit may be tried again, or null if none waits. */
  nextDueAt(): number | null {
    let due: number | null = null;
    for (const e of this.doc.entries) {
      if (e.state !== 'pending' || this.sending.has(e.id) || this.isBlocked(e)) continue;
      if (due === null || e.notBefore < due) due = e.notBefore;
    }
    return due;
  }

  /** Sends every edit that is due, in order, one at a time. Single flight. */
  drain(): Promise<void> {
    this.draining ??= (async () => {
      try {
        await this.init();
        if (!(await this.bind())) return;
        for (;;) {
          if (!this.options.isOnline() || !this.ownedNow()) return;
          const next = this.claimNext();
          if (!next) return;
          await this.attempt(next, false);
        }
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /**
   * Makes the outbox the signed-in connection's: adopts an outbox that has no owner yet, and keeps
   * another connection's outbox aside (restoring this one's, if it was kept). True when the edits
   * may be sent now; false while the connection is not known yet or the swap could not be saved.
   */
  bind(): Promise<boolean> {
    const owner = this.options.owner;
    if (!owner) return Promise.resolve(true);
    this.binding ??= (async () => {
      try {
        await this.init();
        const current = owner();
        const relation = compareOwner(this.doc.owner, current);
        if (relation === 'same') return true;
        if (relation === 'unknown' || current?.practiceGroup === undefined) return false;
        const next = { server: current.server, practiceGroup: current.practiceGroup };
        if (relation === 'adopt') {
          this.doc.owner = next;
          await this.saveQuietly();
          return true;
        }
        // Another connection's edits: never sent here, never dropped. Nothing may be on the wire.
        if (this.sending.size > 0) return false;
        const held = this.doc.entries.length;
        const from = this.doc.owner?.server ?? 'another connection';
        try {
          this.doc = await swapOutbox(this.options.store, this.doc, next);
          await this.save();
          await dropKeptOutbox(this.options.store, next);
        } catch {
          return false;
        }
        this.problemText =
          held > 0
            ? `${String(held)} unsent ${held === 1 ? 'change' : 'changes'} made for ${from} ` +
              'are kept aside on this computer: they are sent only when Frontdesk is connected ' +
              'to that practice again.'
            : null;
        for (const listener of [...this.switchListeners]) listener();
        this.notify();
        return true;
      } finally {
        this.binding = null;
      }
    })();
    return this.binding;
  }

  /** Told when the outbox changed hands (the cache of the other connection must go too). */
  onSwitch(listener: () => void): () => void {
    this.switchListeners.add(listener);
    return () => this.switchListeners.delete(listener);
  }

  private ownedNow(): boolean {
    const owner = this.options.owner;
    return !owner || compareOwner(this.doc.owner, owner()) === 'same';
  }

  /** Resolves once no write is running (tests, shutdown). */
  async idle(): Promise<void> {
    await this.draining;
    await this.writer?.idle();
  }

  /** Starts a drain if something became sendable (e.g. an edit queued behind the one just sent). */
  private kick(): void {
    if (this.draining || !this.options.isOnline()) return;
    const due = this.nextDueAt();
    if (due !== null && due <= this.options.clock.now()) void this.drain();
  }

  private claimNext(): OutboxEntry | null {
    const now = this.options.clock.now();
    for (const entry of this.doc.entries) {
      if (entry.state !== 'pending' || entry.notBefore > now || this.sending.has(entry.id)) {
        continue;
      }
      if (this.isBlocked(entry)) continue;
      const orphan = this.unresolvableReference(entry);
      if (orphan) {
        entry.state = 'attention';
        entry.message = 'The booking this change belongs to was never made, so it cannot be sent.';
        void this.save().catch(() => undefined);
        this.notify();
        continue;
      }
      this.sending.add(entry.id);
      return entry;
    }
    return null;
  }

  /** Sends one claimed entry and settles it. The claim is released here. */
  private async attempt(entry: OutboxEntry, immediate: boolean): Promise<Result<EditOutcome>> {
    const wasUncertain = entry.uncertain;
    const deadline = immediate ? this.deadline(this.options.immediateTimeoutMs ?? 15_000) : null;
    let outcome: SendOutcome;
    try {
      outcome = await sendEdit(entry, {
        client: this.options.client,
        zone: this.options.zone(),
        immediate,
        ...(deadline ? { signal: deadline.signal } : {}),
        beforePost: async (e) => {
          e.uncertain = true;
          e.firstSentAt ??= this.options.clock.now();
          await this.save();
        },
      });
    } catch (error) {
      // Only the durable mark before a POST can throw; then the POST never left.
      entry.uncertain = wasUncertain;
      outcome = {
        kind: 'retry',
        failure: {
          kind: 'network',
          committed: 'no',
          message: error instanceof Error ? error.message : 'Could not save before sending',
        },
      };
    } finally {
      deadline?.cancel();
      this.sending.delete(entry.id);
    }
    return this.settle(entry, outcome, immediate, wasUncertain);
  }

  /** An abort signal that fires after `ms` of the queue's clock. */
  private deadline(ms: number): { signal: AbortSignal; cancel: () => void } {
    const expire = new AbortController();
    const stop = new AbortController();
    this.options.clock.sleep(ms, stop.signal).then(
      () => {
        expire.abort(new Error('The answer took too long; the change waits in the outbox.'));
      },
      () => undefined,
    );
    return {
      signal: expire.signal,
      cancel: () => {
        stop.abort();
      },
    };
  }

  private async settle(
    entry: OutboxEntry,
    outcome: SendOutcome,
    immediate: boolean,
    wasUncertain: boolean,
  ): Promise<Result<EditOutcome>> {
    const present = this.doc.entries.includes(entry);
    switch (outcome.kind) {
      case 'done': {
        if (present) this.remove(entry);
        if (entry.op === 'create' && outcome.serverId !== null) {
          this.recordDelivered(localIdFor(entry.id), outcome.serverId);
        }
        await this.saveQuietly();
        this.emit({ kind: 'delivered', entry, serverId: outcome.serverId });
        for (const listener of [...this.deliveryListeners]) {
          listener({ entry, response: outcome.response, serverId: outcome.serverId });
        }
        this.notify();
        return ok({ state: 'saved', response: outcome.response, outboxId: entry.id });
      }
      case 'refused':
      case 'conflict': {
        const failure = outcome.failure;
        if (immediate) {
          // The user is looking at the form: show the refusal and keep what they typed.
          if (present) this.remove(entry);
          await this.saveQuietly();
          this.emit({ kind: outcome.kind, entry, message: messageOf(failure, outcome.kind) });
          this.notify();
          return failure ? toErr(failure) : err('conflict', 'Someone else changed this record.');
        }
        if (present) {
          entry.state = outcome.kind === 'refused' ? 'attention' : 'conflict';
          entry.message = messageOf(failure, outcome.kind);
          if (outcome.kind === 'conflict') {
            entry.theirs = outcome.theirs;
            entry.mine = outcome.mine;
          }
          entry.force = false;
          await this.saveQuietly();
          this.emit({ kind: outcome.kind, entry, message: entry.message });
        }
        this.notify();
        return ok({ state: 'queued', outboxId: entry.id });
      }
      case 'retry': {
        const failure = outcome.failure;
        if (!mayHaveCommitted(failure)) entry.uncertain = wasUncertain;
        entry.attempts += 1;
        const wait = waitHintMs(failure) ?? backoffDelay(entry.attempts, this.backoff);
        entry.notBefore = this.options.clock.now() + wait;
        entry.message = retryMessage(failure);
        if (present) await this.saveQuietly();
        this.emit({ kind: 'waiting', entry, message: entry.message });
        this.notify();
        return ok({ state: 'queued', outboxId: entry.id });
      }
    }
  }

  /** An edit waits while an earlier edit of the same record (or the booking it needs) waits. */
  private isBlocked(entry: OutboxEntry): boolean {
    const key = targetKey(entry);
    const refs = localRefs(entry);
    for (const other of this.doc.entries) {
      if (other.seq >= entry.seq) break;
      if (targetKey(other) === key) return true;
      if (other.op === 'create' && refs.has(localIdFor(other.id))) return true;
    }
    for (const id of this.sending) {
      const other = this.doc.entries.find((e) => e.id === id);
      if (other && other !== entry && targetKey(other) === key) return true;
    }
    return false;
  }

  /** A reference to a local id whose create is neither waiting nor delivered. */
  private unresolvableReference(entry: OutboxEntry): boolean {
    for (const ref of localRefs(entry)) {
      if (this.doc.delivered[ref] !== undefined) continue;
      if (!this.doc.entries.some((e) => e.op === 'create' && localIdFor(e.id) === ref)) return true;
    }
    return false;
  }

  private recordDelivered(localId: string, serverId: string): void {
    this.doc.delivered[localId] = serverId;
    const ids = Object.keys(this.doc.delivered);
    if (ids.length > 500) {
      // Late references to a delivered booking come within minutes; keep the most recent 500.
      this.doc.delivered = Object.fromEntries(
        Object.entries(this.doc.delivered).slice(ids.length - 500),
      );
    }
    for (const e of this.doc.entries) {
      if (e.targetId === localId) e.targetId = serverId;
      e.body = rewriteIds(e.body, { [localId]: serverId });
    }
  }

  private resolveId(id: string | null): string | null {
    if (id === null) return null;
    return this.doc.delivered[id] ?? id;
  }

  /** Deleting a booking that never left this computer: both simply disappear. */
  private dropUnsentCreate(localId: string): string | null {
    const create = this.doc.entries.find((e) => e.op === 'create' && localIdFor(e.id) === localId);
    if (!create || create.uncertain || this.sending.has(create.id)) return null;
    const gone = this.doc.entries.filter(
      (e) => e === create || e.targetId === localId || localRefs(e).has(localId),
    );
    this.doc.entries = this.doc.entries.filter((e) => !gone.includes(e));
    for (const e of gone) this.emit({ kind: 'dropped', entry: e });
    return create.id;
  }

  private orphanDependents(create: OutboxEntry): void {
    if (create.op !== 'create') return;
    const localId = localIdFor(create.id);
    for (const e of this.doc.entries) {
      if (e.targetId === localId || localRefs(e).has(localId)) {
        e.state = 'attention';
        e.message = 'The booking this change belongs to was dropped, so it cannot be sent.';
      }
    }
  }

  private reopen(entry: OutboxEntry, now: number): void {
    entry.state = 'pending';
    entry.message = null;
    entry.theirs = null;
    entry.mine = null;
    entry.notBefore = now;
  }

  private remove(entry: OutboxEntry): void {
    this.doc.entries = this.doc.entries.filter((e) => e !== entry);
  }

  private async save(): Promise<void> {
    if (!this.writable || !this.writer) return;
    await this.writer.save();
  }

  /**
   * After the server answered, a failed write is not worth failing the user over: the worst case
   * is one more look or one more compare after a restart, never a lost or doubled edit.
   */
  private async saveQuietly(): Promise<void> {
    try {
      await this.save();
    } catch {
      // Kept in memory; the next successful write carries it.
    }
  }

  private notify(): void {
    for (const listener of [...this.changeListeners]) listener();
  }
}

function mayHaveCommitted(failure: ApiFailure): boolean {
  if (failure.kind === 'network') return failure.committed === 'unknown';
  if (failure.kind === 'http') return failure.status >= 500;
  return failure.kind === 'invalid_response';
}

function messageOf(failure: ApiFailure | null, kind: 'refused' | 'conflict'): string {
  if (failure?.kind === 'http') {
    const { message } = drchronoMessage(failure.body);
    if (message) return message;
  }
  if (failure) return toErr(failure).error.message;
  return kind === 'conflict'
    ? 'Someone else changed this since; choose which version to keep.'
    : 'drchrono refused this change.';
}

function retryMessage(failure: ApiFailure): string {
  switch (failure.kind) {
    case 'network':
      return 'Waiting for drchrono to be reachable.';
    case 'rate_limited':
    case 'budget':
      return 'Waiting for the hourly drchrono allowance.';
    case 'unauthenticated':
      return 'Waiting for sign-in.';
    default:
      return 'drchrono had a problem; trying again shortly.';
  }
}

function localRefs(entry: OutboxEntry): Set<string> {
  const refs = new Set<string>();
  if (isLocalId(entry.targetId)) refs.add(entry.targetId);
  collectLocalIds(entry.body, refs);
  return refs;
}

function collectLocalIds(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (isLocalId(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectLocalIds(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collectLocalIds(item, into);
  }
}

/** Replaces delivered local ids anywhere in a body (ids are unique, so this is safe). */
function rewriteIds(
  body: Record<string, unknown>,
  map: Record<string, string>,
): Record<string, unknown> {
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return map[value] ?? value;
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    }
    return value;
  };
  return rewrite(body) as Record<string, unknown>;
}
