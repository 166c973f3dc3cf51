import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { addDays, addMinutesToWall } from '../../shared/time/practice-time';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import type { Appointment } from '../../electron/sandbox';
import { localIdFor, seededRandom } from '../../electron/sync';
import type { ChildCommand } from './protocol';

/**
 * The fault run (issue 5, reliability D23–D26): hundreds of edits against the sandbox server while
 * it drops connections before and after committing, answers 5xx and 429 and adds latency, and the
 * process holding the outbox is SIGKILLed at random moments and restarted on the same data folder.
 * The parent plays the user: it sends one edit at a time and records which ones the child
 * acknowledged (durable). At the end every acknowledged edit must be on the server, and no booking
 * may exist twice.
 */

export interface FaultRunOptions {
  edits?: number;
  seed?: number;
  /** Commands per child life before the kill, uniformly in this range. */
  killEvery?: [number, number];
  deadlineMs?: number;
}

export interface FaultRunFigures {
  edits: number;
  acknowledged: number;
  refusedAtOnce: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** Edits killed before their acknowledgement that still reached drchrono (allowed, once). */
  unacknowledgedDelivered: number;
  kills: number;
  /** At each restart: acknowledged edits found neither in the outbox nor on the server. */
  missingAtRestart: number;
  quarantined: number;
  left: { pending: number; conflicts: number; attention: number };
  /** The edits left in conflict or needing attention, as the outbox lists them. */
  leftovers: string[];
  requests: number;
  faults: Record<string, number>;
  /** Share of requests that met an injected fault (drops, 5xx, 429). */
  faultShare: number;
  seconds: number;
}

type Kind = 'create' | 'payment' | 'update' | 'delete' | 'follow-up';

interface Edit {
  n: number;
  kind: Kind;
  /** Seeded appointment changed or deleted. */
  target?: string;
  /** The create a follow-up edits (by its number). */
  of?: number;
  acked: boolean;
  outboxId?: string;
  refused: boolean;
}

const ZONE = 'America/New_York';
const SLOTS_PER_ROOM = 52; // 07:00 to 19:45 every 15 minutes

export async function runFaultRun(options: FaultRunOptions = {}): Promise<FaultRunFigures> {
  const started = Date.now();
  const total = options.edits ?? 520;
  const seed = options.seed ?? 424242;
  const [killMin, killMax] = options.killEvery ?? [12, 55];
  const deadline = started + (options.deadlineMs ?? 170_000);
  const rng = seededRandom(seed);
  const pick = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

  const server = await startSandboxServer({ port: 0, seed, hourlyQuota: 0, timezone: ZONE });
  const dataDir = await mkdtemp(join(tmpdir(), 'frontdesk-fault-'));
  const kek = randomBytes(32).toString('hex');
  const token = server.control.issueTokens().access_token;
  try {
    const { db } = server.sandbox;
    const today = server.control.today;
    const office = db.offices.all()[0];
    if (!office) throw new Error('the sandbox has no office');
    const rooms = db.examRooms(office.id).length;
    const doctor = Number(office.data.doctor ?? db.doctors.all()[0]?.id);
    const patients = db.patients
      .all()
      .slice(0, 60)
      .map((p) => p.id);
    const targets = shuffle(
      db.appointments
        .all()
        .filter(
          (a) =>
            a.scheduled_time > `${addDays(today, 1)}T00` &&
            !a.deleted_flag &&
            a.status !== 'Cancelled' &&
            a.patient !== null,
        )
        .map((a) => a.id),
      rng,
    );
    const payments = (n: number) => db.payments.all().filter((p) => p.data.notes === marker(n));
    let nextSlot = 0;
    let nextTarget = 0;

    const edits: Edit[] = [];
    const delivered = new Set<string>();
    const leftovers: string[] = [];
    const figures = {
      kills: 0,
      missingAtRestart: 0,
      quarantined: 0,
      left: { pending: 0, conflicts: 0, attention: 0 },
    };

    const present = (edit: Edit): boolean => {
      switch (edit.kind) {
        case 'create':
          return bookings(db.appointments.all(), edit.n).length >= 1;
        case 'payment':
          return payments(edit.n).length >= 1;
        case 'update':
          return db.appointments.get(edit.target ?? '')?.notes === marker(edit.n);
        case 'delete':
          return db.appointments.get(edit.target ?? '')?.deleted_flag === true;
        case 'follow-up':
          return bookings(db.appointments.all(), edit.of ?? -1)[0]?.status === 'Confirmed';
      }
    };

    /** Ends the run on a live child: no more edits, drain, report what could not be sent. */
    async function finish(child: Child): Promise<void> {
      child.send({ kind: 'end' });
      const drained = await child.line((l) => l.startsWith('DRAINED'), deadline);
      const [, pending, conflicts, attention] = (drained ?? 'DRAINED 0 0 0').split(' ').map(Number);
      figures.left = {
        pending: pending ?? 0,
        conflicts: conflicts ?? 0,
        attention: attention ?? 0,
      };
      await child.exited;
      for (const line of child.seen()) if (line.startsWith('LEFT ')) leftovers.push(line.slice(5));
    }

    function command(edit: Edit): ChildCommand {
      const n = edit.n;
      if (edit.kind === 'create') {
        const k = nextSlot++;
        const day = addDays(today, 40 + Math.floor(k / (rooms * SLOTS_PER_ROOM)));
        const room = 1 + (Math.floor(k / SLOTS_PER_ROOM) % rooms);
        const time = addMinutesToWall(`${day}T07:00:00`, (k % SLOTS_PER_ROOM) * 15);
        return edit_(n, {
          resource: 'appointments',
          op: 'create',
          body: {
            doctor,
            office: office?.id,
            exam_room: room,
            patient: patients[n % patients.length],
            scheduled_time: time,
            duration: 15,
            reason: marker(n),
          },
          summary: `Book ${marker(n)}`,
        });
      }
      if (edit.kind === 'payment') {
        // No overlap rule protects payments: only looking before retrying keeps them single.
        return edit_(n, {
          resource: 'patient_payments',
          op: 'create',
          body: {
            patient: patients[n % patients.length],
            amount: `${String(10 + (n % 40))}.00`,
            payment_method: 'CASH',
            notes: marker(n),
          },
          summary: `Copay ${marker(n)}`,
        });
      }
      if (edit.kind === 'follow-up') {
        const of = edits[edit.of ?? -1];
        return edit_(n, {
          resource: 'appointments',
          op: 'update',
          targetId: localIdFor(of?.outboxId ?? ''),
          body: { status: 'Confirmed' },
          base: { status: '' },
          summary: `Confirm ${marker(edit.of ?? -1)}`,
        });
      }
      const target = db.appointments.get(edit.target ?? '');
      if (edit.kind === 'update') {
        return edit_(n, {
          resource: 'appointments',
          op: 'update',
          targetId: edit.target,
          body: { notes: marker(n) },
          base: { notes: target?.notes ?? '' },
          summary: `Note ${marker(n)}`,
        });
      }
      return edit_(n, {
        resource: 'appointments',
        op: 'delete',
        targetId: edit.target,
        body: {},
        summary: `Delete ${edit.target ?? ''}`,
      });
    }

    function nextEdit(): Edit {
      const n = edits.length;
      const roll = rng();
      let edit: Edit;
      const confirmable = edits.filter(
        (e) => e.kind === 'create' && e.acked && !edits.some((f) => f.of === e.n),
      );
      if (roll < 0.1 && confirmable.length > 0) {
        edit = {
          n,
          kind: 'follow-up',
          of: confirmable[Math.floor(rng() * confirmable.length)]?.n ?? 0,
          acked: false,
          refused: false,
        };
      } else if (roll < 0.45) {
        edit = { n, kind: 'create', acked: false, refused: false };
      } else if (roll < 0.6) {
        edit = { n, kind: 'payment', acked: false, refused: false };
      } else if (roll < 0.9) {
        edit = { n, kind: 'update', target: targets[nextTarget++], acked: false, refused: false };
      } else {
        edit = { n, kind: 'delete', target: targets[nextTarget++], acked: false, refused: false };
      }
      edits.push(edit);
      return edit;
    }

    server.control.setFaults({
      errorRate: 0.09,
      dropBeforeRate: 0.07,
      dropAfterRate: 0.07,
      // drchrono's "Expected available in N seconds" is honoured (1–10 s here): a few suffice.
      rateOf429: 0.006,
      latencyMs: 2,
      latencyJitterMs: 15,
    });

    for (;;) {
      if (Date.now() > deadline) throw new Error('the fault run did not finish in time');
      const remaining = total - edits.length;
      const killAfter = remaining > 0 ? pick(killMin, killMax) : Infinity;
      const child = startChild({ server, dataDir, kek, token, seed: seed + figures.kills });
      const ready = await child.line((l) => l.startsWith('READY') || l.startsWith('PROBLEM'));
      if (ready?.startsWith('PROBLEM')) {
        figures.quarantined += 1;
        await child.line((l) => l.startsWith('READY'));
      }
      const inOutbox = new Set((ready ?? '').slice(6).split(',').filter(Boolean));
      for (const e of edits) {
        if (
          e.acked &&
          e.outboxId &&
          !inOutbox.has(e.outboxId) &&
          !delivered.has(e.outboxId) &&
          !present(e)
        ) {
          figures.missingAtRestart += 1;
        }
      }
      child.onLine((l) => {
        if (l.startsWith('DELIVERED ')) delivered.add(l.slice(10));
      });
      if (remaining <= 0) {
        await finish(child);
        break;
      }
      let sent = 0;
      let killed = false;
      for (; edits.length < total;) {
        const edit = nextEdit();
        child.send(command(edit));
        sent += 1;
        if (sent >= killAfter) {
          // Kill mid-edit: sometimes before the write, sometimes between the write and the answer.
          await sleep(Math.floor(rng() * 12));
          child.kill();
          killed = true;
          figures.kills += 1;
          await child.exited;
          break;
        }
        const answer = await child.line(
          (l) => l.startsWith(`ACK ${String(edit.n)} `) || l.startsWith(`ERR ${String(edit.n)} `),
        );
        if (answer === null) {
          killed = true; // died on its own
          break;
        }
        const [word, , outboxId] = answer.split(' ');
        if (word === 'ACK') {
          edit.acked = true;
          edit.outboxId = outboxId;
        } else edit.refused = true;
      }
      // An acknowledgement may have arrived just before the kill.
      for (const line of child.seen()) {
        const [word, n, outboxId] = line.split(' ');
        const edit = edits[Number(n)];
        if (word === 'ACK' && edit && !edit.acked) {
          edit.acked = true;
          edit.outboxId = outboxId;
        }
      }
      if (!killed) {
        // Every edit is made and this child is still alive: it drains what is left. (Never two
        // processes on one outbox: the desktop app is single-instance for the same reason.)
        await finish(child);
        break;
      }
    }

    server.control.clearFaults();
    let lost = 0;
    let duplicated = 0;
    let deliveredCount = 0;
    let unacknowledgedDelivered = 0;
    for (const edit of edits) {
      const there = present(edit);
      if (there) deliveredCount += 1;
      if (edit.acked && !there) lost += 1;
      if (!edit.acked && there) unacknowledgedDelivered += 1;
      if (edit.kind === 'create' && bookings(db.appointments.all(), edit.n).length > 1)
        duplicated += 1;
    }
    const counts = server.control.counts();
    const injected =
      counts.faults.error +
      counts.faults['drop-before'] +
      counts.faults['drop-after'] +
      counts.faults['spurious-429'];
    return {
      edits: edits.length,
      acknowledged: edits.filter((e) => e.acked).length,
      refusedAtOnce: edits.filter((e) => e.refused).length,
      delivered: deliveredCount,
      lost,
      duplicated,
      unacknowledgedDelivered,
      kills: figures.kills,
      missingAtRestart: figures.missingAtRestart,
      quarantined: figures.quarantined,
      left: figures.left,
      leftovers,
      requests: counts.apiCalls,
      faults: { ...counts.faults, sigkill: figures.kills },
      faultShare: counts.apiCalls === 0 ? 0 : injected / counts.apiCalls,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function marker(n: number): string {
  return `FR-${String(n)}`;
}

function bookings(all: Appointment[], n: number): Appointment[] {
  return all.filter((a) => !a.deleted_flag && a.reason === marker(n));
}

function edit_(n: number, edit: Extract<ChildCommand, { kind: 'edit' }>['edit']): ChildCommand {
  return { kind: 'edit', n, edit };
}

function shuffle<T>(items: T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Child {
  send(command: ChildCommand): void;
  /** The next line matching `test` (lines already seen included), or null once the child exits. */
  line(test: (line: string) => boolean, until?: number): Promise<string | null>;
  onLine(listener: (line: string) => void): void;
  seen(): string[];
  kill(): void;
  exited: Promise<void>;
}

function startChild(opts: {
  server: SandboxServer;
  dataDir: string;
  kek: string;
  token: string;
  seed: number;
}): Child {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'outbox-child.ts')],
    {
      env: {
        ...process.env,
        FAULT_BASE_URL: opts.server.url,
        FAULT_TOKEN: opts.token,
        FAULT_DATA_DIR: opts.dataDir,
        FAULT_KEK: opts.kek,
        FAULT_SEED: String(opts.seed),
        FAULT_ZONE: ZONE,
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  const consumed = new Set<number>();
  const waiters = new Set<() => void>();
  const listeners: ((line: string) => void)[] = [];
  let done = false;
  const exited = new Promise<void>((resolve) => {
    child.on('exit', () => {
      done = true;
      for (const wake of [...waiters]) wake();
      resolve();
    });
  });
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      for (const listener of listeners) listener(line);
      for (const wake of [...waiters]) wake();
    });
  }
  return {
    send(command) {
      child.stdin?.write(`${JSON.stringify(command)}\n`);
    },
    async line(test, until = Infinity) {
      for (;;) {
        const i = lines.findIndex((l, idx) => !consumed.has(idx) && test(l));
        if (i !== -1) {
          consumed.add(i);
          return lines[i] ?? null;
        }
        if (done || Date.now() > until) return null;
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 1_000);
        });
      }
    },
    onLine(listener) {
      for (const l of lines) listener(l);
      listeners.push(listener);
    },
    seen: () => [...lines],
    kill() {
      child.kill('SIGKILL');
    },
    exited,
  };
}
