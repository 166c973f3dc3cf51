import { z } from 'zod';
import type { SyncStatus } from '../../shared/contract';
import { datesInRange, type IsoDate } from '../../shared/time/practice-time';
import type { Clock } from '../../shared/time/clock';
import type { EventBus, RangeQuery, SyncEngine } from '../app/services';
import type { CallBudget, DrchronoClient } from '../drchrono/types';
import type { AppointmentCache } from './appointment-cache';
import type { Connectivity } from './connectivity';
import type { OutboxQueue } from './edit-queue';
import type { RosterService } from './patient-roster';
import {
  defaultPollPolicy,
  deskMode,
  pollDelay,
  probeDelay,
  reconcileDays,
  type DeskMode,
  type PollPolicyOptions,
} from './poll-policy';
import type { PracticeReference } from './practice-service';

export interface SyncEngineOptions {
  clock: Clock;
  events: EventBus;
  budget: CallBudget;
  connectivity: Connectivity;
  /** The tracked client, for the offline probe. */
  client: DrchronoClient;
  practice: PracticeReference;
  roster: RosterService;
  cache: AppointmentCache;
  queue: OutboxQueue;
  /** How data at rest is kept: `phiOnDisk: false` means memory only (weak or missing keystore). */
  storage: { phiOnDisk: boolean; warning: string | null };
  /** The idle lock, if any: while locked nobody is looking, so polling nearly stops. */
  isLocked?: () => boolean;
  policy?: Partial<PollPolicyOptions>;
  /** The roster's changes are fetched this often while the desk is in use. Default 30 min. */
  rosterEveryMs?: number;
}

const anyValue = z.unknown();

/**
 * What to fetch and when. One loop: wait (for the next poll, a queued edit coming due, a probe,
 * or a wake-up), then do what is due. Online it polls `since` at a pace set by activity and the
 * budget, drains the outbox and keeps reference data and roster fresh; after a few transport
 * failures it is offline, serves the cache and probes with growing intervals until drchrono
 * answers, then drains the outbox. Every state change is pushed as `sync:status`.
 */
export class SyncService implements SyncEngine {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: AbortController | null = null;
  private readonly policy: PollPolicyOptions;
  private readonly statusListeners = new Set<(status: SyncStatus) => void>();
  private lastStatus = '';
  private lastActivityAt: number | null = null;
  private lastChangeAt: number | null = null;
  private lastPollAt = 0;
  /**
   * When the next poll is due, fixed when it is planned: a desk that turns idle meanwhile still
   * gets the poll it was promised while active, so changes made while someone looked show up in
   * the active interval, not the idle one.
   */
  private nextPollAt = 0;
  private failedPolls = 0;
  private lastRosterAt = 0;
  private lastSyncedAt: number | null = null;
  private pollRequested = true;
  private rosterRequested = false;
  /** A call met a refused, reset or unresolvable connection: probe at once to confirm. */
  private probeRequested = false;
  private probeAttempt = 0;
  private watched: string | null = null;
  /** The days the desk shows, for reconciliation. */
  private watchedRange: RangeQuery | null = null;
  /** The last poll refetched days whole: the next is a `since` poll, so no change waits long. */
  private lastWasReconcile = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly options: SyncEngineOptions) {
    this.policy = { ...defaultPollPolicy, ...options.policy };
    const emit = () => {
      this.emitStatus();
    };
    this.unsubscribe.push(
      options.connectivity.onChange((state) => {
        if (state === 'online') {
          this.probeAttempt = 0;
          this.pollRequested = true;
          this.wake();
        }
        emit();
      }),
      options.queue.onChange(() => {
        this.options.events.emit('data:changed', { kinds: ['outbox'] });
        emit();
        this.wake();
      }),
      options.queue.onSubmit(() => {
        this.activity();
      }),
      options.budget.onChange(emit),
      options.connectivity.onProbeWanted(() => {
        this.probeRequested = true;
        this.wake();
      }),
      options.connectivity.onSlowChange(emit),
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  status(): SyncStatus {
    const { budget, connectivity, queue, storage } = this.options;
    const snapshot = budget.snapshot();
    const counts = queue.counts();
    return {
      connection: connectivity.state,
      slowSince: connectivity.state === 'online' ? connectivity.slowSince : null,
      lastSyncedAt: this.lastSyncedAt ?? this.options.cache.lastPolledAt(),
      callsThisHour: snapshot.used,
      hourlyCap: snapshot.cap,
      throttledUntil: snapshot.throttledUntil,
      pendingEdits: counts.pending,
      conflicts: counts.conflicts,
      needsAttention: counts.attention,
      cache: storage.phiOnDisk ? 'encrypted' : 'memory-only',
      message: this.message(),
    };
  }

  async syncNow(): Promise<SyncStatus> {
    this.activity();
    await this.tick({ force: true });
    return this.status();
  }

  watch(range: RangeQuery): void {
    const key = `${range.start}/${range.end}`;
    if (key === this.watched) return;
    this.watched = key;
    this.watchedRange = range;
    // A new view is the desk at work: poll faster from now on.
    this.activity();
  }

  /** The desk is in use (input reported by the renderer, a view change, an edit). */
  activity(): void {
    const wasActive = this.mode() === 'active';
    this.lastActivityAt = this.options.clock.now();
    if (!wasActive) {
      // Coming back after a while: what is on screen may be stale, refresh it now.
      this.pollRequested = true;
      this.wake();
    }
  }

  /** A view showed stale days: refresh them soon (one `since` call refreshes every loaded day). */
  requestRefresh(): void {
    // Views re-read the book often (every push, every minute); one poll answers them all.
    if (this.options.clock.now() - this.lastPollAt < 10_000) return;
    this.pollRequested = true;
    this.wake();
  }

  /** Appointments point at patients the roster lacks: fetch roster changes soon. */
  requestRoster(): void {
    this.rosterRequested = true;
    this.wake();
  }

  mode(): DeskMode {
    return deskMode(
      {
        now: this.options.clock.now(),
        lastActivityAt: this.lastActivityAt,
        locked: this.options.isLocked?.() ?? false,
      },
      this.policy,
    );
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  async wipeCache(): Promise<void> {
    await Promise.all([
      this.options.cache.wipe(),
      this.options.roster.wipe(),
      this.options.practice.wipe(),
    ]);
    this.lastSyncedAt = null;
    this.watched = null;
    this.watchedRange = null;
    this.emitStatus();
  }

  /** Resolves when nothing is in flight (tests, the virtual-time driver). */
  async idle(): Promise<void> {
    await Promise.all([
      this.options.cache.idle(),
      this.options.roster.idle(),
      this.options.queue.idle(),
    ]);
  }

  dispose(): void {
    for (const off of this.unsubscribe) off();
  }

  private isRunning(): boolean {
    return this.running;
  }

  private async run(): Promise<void> {
    await Promise.all([
      this.options.practice.init(),
      this.options.roster.init(),
      this.options.cache.init(),
      this.options.queue.init(),
    ]);
    this.emitStatus();
    while (this.isRunning()) {
      await this.tick({ force: false });
      if (!this.isRunning()) break;
      await this.sleep(this.nextDelay());
    }
  }

  private async tick({ force }: { force: boolean }): Promise<void> {
    const { connectivity, practice, roster, queue, clock } = this.options;
    if (connectivity.state === 'signed-out' && !force) return;
    if (this.probeRequested && connectivity.isOnline()) {
      // Seconds after a refused or reset connection, not after the next few polls.
      this.probeRequested = false;
      await this.confirmReachable();
      if (!connectivity.isOnline()) {
        this.emitStatus();
        return;
      }
    }
    if (connectivity.state === 'offline' && !force) {
      if (clock.now() - this.lastPollAt < probeDelay(this.probeAttempt) - 1) return;
      await this.probe();
      if (!connectivity.isOnline()) return;
    }
    const now = clock.now();
    if (!practice.cached() || practice.isStale()) {
      await practice.refresh(practice.cached() ? 'background' : 'user');
    }
    if (force || this.pollRequested || now >= this.nextPollAt) await this.poll(force);
    if (
      connectivity.isOnline() &&
      (force ||
        this.rosterRequested ||
        !roster.isComplete() ||
        (this.mode() === 'active' &&
          now - this.lastRosterAt >= (this.options.rosterEveryMs ?? 30 * 60_000)))
    ) {
      this.rosterRequested = false;
      this.lastRosterAt = now;
      await roster.sync('background');
    }
    if (connectivity.isOnline()) await queue.drain();
    this.emitStatus();
  }

  private async poll(force: boolean): Promise<void> {
    const { cache, clock } = this.options;
    this.pollRequested = false;
    this.lastPollAt = clock.now();
    if (cache.days.loadedDates().length === 0) {
      // Nothing loaded yet: load the cache window (today and the days around it) once.
      const { start, end } = cache.window();
      const fetched = await cache.fetchDays(
        datesInRange(start, end),
        force ? 'user' : 'background',
      );
      this.afterPoll(fetched.ok ? null : fetched.error.code, fetched.ok && fetched.value.size > 0);
      return;
    }
    // Every other poll may refetch today and the day on screen whole instead of asking `since`:
    // the same call, and the only way to learn of a deletion `since` does not report.
    const days = force || this.lastWasReconcile ? [] : this.reconcileDue();
    this.lastWasReconcile = days.length > 0;
    if (days.length > 0) {
      const fetched = await cache.reconcile(days, 'background');
      this.afterPoll(fetched.ok ? null : fetched.error.code, fetched.ok && fetched.value.size > 0);
      return;
    }
    const result = await cache.poll(force ? 'user' : 'background');
    this.afterPoll(result.ok ? null : result.error.code, result.ok && result.value.changed > 0);
  }

  private reconcileDue(): IsoDate[] {
    const { cache, budget, clock } = this.options;
    const range = this.watchedRange;
    return reconcileDays(
      {
        now: clock.now(),
        today: cache.today(),
        onScreen: range ? datesInRange(range.start, range.end) : [],
        loaded: (date) => cache.days.has(date),
        fetchedAt: (date) => cache.days.fetchedAt(date),
        budgetLeft: budget.remainingShare(),
      },
      this.policy,
    );
  }

  /**
   * A poll that could not reach drchrono is tried again soon (5 s, 10 s, …) rather than at the
   * next regular poll: the failures that take the desk offline add up in seconds, not minutes.
   */
  private afterPoll(failure: string | null, changed: boolean): void {
    if (failure === null) {
      this.failedPolls = 0;
      this.synced(changed);
      this.nextPollAt = this.lastPollAt + this.currentPollDelay();
      return;
    }
    this.nextPollAt =
      failure === 'offline'
        ? this.lastPollAt + probeDelay(this.failedPolls++)
        : this.lastPollAt + this.currentPollDelay();
  }

  private synced(changed: boolean): void {
    const now = this.options.clock.now();
    this.lastSyncedAt = now;
    if (changed) this.lastChangeAt = now;
  }

  /** Offline: one cheap call to see whether drchrono answers again. */
  private async probe(): Promise<void> {
    this.lastPollAt = this.options.clock.now();
    this.probeAttempt += 1;
    if (this.options.cache.days.loadedDates().length > 0) {
      // The probe that is also useful work: the changes since we lost the connection.
      const result = await this.options.cache.poll('background');
      if (result.ok) {
        // It was the poll the reconnection asks for: no second one.
        this.pollRequested = false;
        this.afterPoll(null, result.value.changed > 0);
      }
      return;
    }
    await this.options.client.get(
      '/api/doctors',
      anyValue,
      { page_size: 1 },
      { priority: 'background' },
    );
  }

  /** One cheap call: a second refused or reset connection in a row takes the desk offline. */
  private async confirmReachable(): Promise<void> {
    await this.options.client.get(
      '/api/doctors',
      anyValue,
      { page_size: 1 },
      { priority: 'background' },
    );
  }

  private currentPollDelay(): number {
    return pollDelay(
      {
        now: this.options.clock.now(),
        lastActivityAt: this.lastActivityAt,
        lastChangeAt: this.lastChangeAt,
        locked: this.options.isLocked?.() ?? false,
        budget: this.options.budget.snapshot(),
      },
      this.policy,
    );
  }

  private nextDelay(): number {
    const { connectivity, queue, clock } = this.options;
    const now = clock.now();
    if (connectivity.state === 'signed-out') return 60_000;
    if (this.probeRequested) return 0;
    if (connectivity.state === 'offline') {
      return Math.max(0, this.lastPollAt + probeDelay(this.probeAttempt) - now);
    }
    if (this.pollRequested || this.rosterRequested) return 0;
    let due = this.nextPollAt;
    const outbox = queue.nextDueAt();
    if (outbox !== null) due = Math.min(due, outbox);
    return Math.max(0, due - now);
  }

  private async sleep(ms: number): Promise<void> {
    const controller = new AbortController();
    this.wakeUp = controller;
    try {
      await this.options.clock.sleep(ms, controller.signal);
    } catch {
      // Woken early: something asked for attention.
    } finally {
      if (this.wakeUp === controller) this.wakeUp = null;
    }
  }

  private wake(): void {
    this.wakeUp?.abort();
  }

  private message(): string | null {
    const { connectivity, queue, storage, clock } = this.options;
    const parts: string[] = [];
    const problem = queue.problem();
    if (problem) parts.push(problem);
    if (!storage.phiOnDisk) {
      parts.push(storage.warning ?? 'Patient data is kept in memory only on this computer.');
    }
    if (connectivity.state === 'offline') {
      parts.push(
        'drchrono cannot be reached: showing the saved schedule; changes wait in the outbox.',
      );
    } else if (connectivity.state === 'signed-out') {
      parts.push('Signed out of drchrono: sign in to send waiting changes.');
    }
    const snapshot = this.options.budget.snapshot();
    if (snapshot.throttledUntil !== null && snapshot.throttledUntil > clock.now()) {
      parts.push("The practice's hourly drchrono calls are used up; updates resume shortly.");
    }
    return parts.length > 0 ? parts.join(' ') : null;
  }

  private emitStatus(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    for (const listener of [...this.statusListeners]) listener(status);
    this.options.events.emit('sync:status', status);
  }
}
