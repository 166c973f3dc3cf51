import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/drchrono';
import { VirtualClock } from '../../shared/time/clock';
import { createCurrentUserReader } from './current-user';
import type { ApiResult, DrchronoClient } from './types';

function fakeClient(answers: ApiResult<unknown>[]) {
  let calls = 0;
  const pending: ((r: ApiResult<unknown>) => void)[] = [];
  const client = {
    get: () =>
      new Promise<ApiResult<unknown>>((resolve) => {
        const answer = answers[Math.min(calls, answers.length - 1)];
        calls++;
        pending.push(() => {
          resolve(answer as ApiResult<unknown>);
        });
      }),
  } as unknown as DrchronoClient;
  return {
    client,
    calls: () => calls,
    answerAll: () => {
      for (const p of pending.splice(0)) p({ ok: true, value: null, status: 200 });
    },
  };
}

const user = (id: number) =>
  ({ ok: true, value: { id, username: `u${String(id)}` } as User, status: 200 }) as const;

describe('the signed-in user, read once for whoever asks at the same time', () => {
  it('shares a read in flight and reuses the answer for a minute, then asks again', async () => {
    const clock = new VirtualClock(0);
    const fake = fakeClient([user(1), user(2)]);
    const reader = createCurrentUserReader({ clock });
    const a = reader.read(fake.client);
    const b = reader.read(fake.client, 'background');
    fake.answerAll();
    expect(await a).toEqual(user(1));
    expect(await b).toEqual(user(1));
    expect(await reader.read(fake.client)).toEqual(user(1));
    expect(fake.calls()).toBe(1);

    await clock.advance(60_001);
    const later = reader.read(fake.client);
    fake.answerAll();
    expect(await later).toEqual(user(2));
    expect(fake.calls()).toBe(2);
  });

  it('forgets at a change of who is signed in, and keeps no failure or answer from before', async () => {
    const clock = new VirtualClock(0);
    const failed = {
      ok: false,
      failure: { kind: 'network', committed: 'no', message: 'x' },
    } as const;
    const fake = fakeClient([failed, user(1), user(2)]);
    const reader = createCurrentUserReader({ clock });
    const first = reader.read(fake.client);
    fake.answerAll();
    expect((await first).ok).toBe(false);
    // A failure is not kept: the next reader asks.
    const second = reader.read(fake.client);
    reader.forget();
    fake.answerAll();
    expect(await second).toEqual(user(1));
    // That answer came for the account before forget(): not reused.
    const third = reader.read(fake.client);
    fake.answerAll();
    expect(await third).toEqual(user(2));
    expect(fake.calls()).toBe(3);
  });
});
