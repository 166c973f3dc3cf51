// Child process for store-kill.test.ts: writes the `outbox` document over and over and prints
// "ack N" only after write N resolved, the moment the app would tell the user "saved".
import { join } from 'node:path';
import { z } from 'zod';
import { createKeyfileWrapper, createSecureStore } from '../../electron/store';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: store-kill-writer <dir>');

const doc = z.strictObject({ seq: z.int(), filler: z.string() });
const store = createSecureStore({ dir, keyWrapper: createKeyfileWrapper(join(dir, 'kek.key')) });
let seq = ((await store.read('outbox', doc))?.seq ?? 0) + 1;
process.stdout.write('ready\n');
for (;;) {
  // Sizes vary so the kill lands in writes of different lengths.
  await store.write('outbox', { seq, filler: 'x'.repeat(1000 + ((seq * 7919) % 120_000)) });
  process.stdout.write(`ack ${String(seq)}\n`);
  seq++;
}
