/**
 * The process that holds the outbox in the fault run. The parent starts it with
 * `node --import tsx`, sends one edit per line on stdin, and reads one answer per line:
 *
 *   READY <ids of the edits found in the outbox at start>
 *   ACK <n> <outboxId> <saved|queued>     the edit is durable (and maybe sent)
 *   ERR <n> <code>                        refused at once (nothing kept)
 *   DELIVERED <outboxId>                  an edit reached drchrono
 *   DRAINED <pending> <conflicts> <attention>   after END, once nothing is left to send
 *
 * It may be SIGKILLed at any moment; the next one picks up the same data folder.
 */
import { createInterface } from 'node:readline';
import { systemClock } from '../../shared/time/clock';
import { createCallBudget } from '../../electron/drchrono/budget';
import { createDrchronoClient } from '../../electron/drchrono/client';
import { createSecureStore, createTestKeyWrapper } from '../../electron/store';
import { OutboxQueue, seededRandom } from '../../electron/sync';
import { memoryPlainStore } from './memory-plain-store';
import { childCommandSchema, type ChildCommand } from './protocol';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`missing ${name}`);
  return value;
};

const clock = systemClock;
const budget = createCallBudget({
  store: memoryPlainStore(),
  clock,
  hourlyQuota: 1_000_000,
  share: 1,
});
const token = env('FAULT_TOKEN');
const client = createDrchronoClient({
  baseUrl: env('FAULT_BASE_URL'),
  fetch: (request) => fetch(request),
  tokens: {
    accessToken: () => Promise.resolve(token),
    refreshAfterRejection: () => Promise.resolve(null),
  },
  budget,
  clock,
  timeoutMs: 5_000,
  baseBackoffMs: 20,
  maxBackoffMs: 200,
  random: seededRandom(Number(env('FAULT_SEED'))),
});
const store = createSecureStore({
  dir: env('FAULT_DATA_DIR'),
  keyWrapper: createTestKeyWrapper({ kek: Buffer.from(env('FAULT_KEK'), 'hex') }),
});
const queue = new OutboxQueue({
  store,
  client,
  clock,
  isOnline: () => true,
  zone: () => env('FAULT_ZONE'),
  backoff: { baseMs: 100, maxMs: 1_500 },
  random: seededRandom(Number(env('FAULT_SEED')) + 1),
});

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

queue.onDelivered(({ entry }) => {
  say(`DELIVERED ${entry.id}`);
});

async function handle(command: ChildCommand): Promise<void> {
  if (command.kind === 'end') {
    for (;;) {
      await queue.drain();
      const { pending, conflicts, attention } = queue.counts();
      // Done when nothing is left that could be sent (an edit blocked behind a conflict waits for
      // a person, and the parent reports it).
      if (queue.nextDueAt() === null && queue.entries().every((e) => e.state !== 'sending')) {
        for (const e of queue.pending()) {
          if (e.state !== 'pending') say(`LEFT ${JSON.stringify(e)}`);
        }
        say(`DRAINED ${String(pending)} ${String(conflicts)} ${String(attention)}`);
        return;
      }
      await clock.sleep(50);
    }
  }
  const result = await queue.submit(command.edit);
  if (result.ok) say(`ACK ${String(command.n)} ${result.value.outboxId} ${result.value.state}`);
  else say(`ERR ${String(command.n)} ${result.error.code}`);
}

async function main(): Promise<void> {
  await queue.init();
  if (queue.problem()) say(`PROBLEM ${queue.problem() ?? ''}`);
  say(
    `READY ${queue
      .entries()
      .map((e) => e.id)
      .join(',')}`,
  );
  // The outbox drains in the background while the "user" keeps editing.
  const timer = setInterval(() => {
    void queue.drain();
  }, 25);
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const command = childCommandSchema.parse(JSON.parse(line));
    await handle(command);
    if (command.kind === 'end') break;
  }
  clearInterval(timer);
  await queue.idle();
  process.exit(0);
}

void main();
