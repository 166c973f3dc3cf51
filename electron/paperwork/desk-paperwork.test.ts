import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { VirtualClock } from '../../shared/time/clock';
import { createFakeServices } from '../app/testing/fake-services';
import type { ApiResult, DrchronoClient, ListResult } from '../drchrono/types';
import { touchedRefetchMs } from './day-memo';
import { createDeskPaperwork } from './desk-paperwork';

/** Lists answer empty and are counted; every other method fails the test if called. */
function countingClient() {
  const paths: string[] = [];
  const unused = () => Promise.reject(new Error('not used by the paperwork'));
  const client: DrchronoClient = {
    request: unused,
    get: unused,
    create: unused,
    patch: unused,
    put: unused,
    remove: unused,
    list<T>(path: string, _item: z.ZodType<T>): Promise<ApiResult<ListResult<T>>> {
      paths.push(path);
      return Promise.resolve({ ok: true, value: { items: [], skipped: 0, pages: 1 }, status: 200 });
    },
  };
  return { client, paths };
}

const day = '2026-12-07';

describe("the desk's paperwork", () => {
  it('asks for balances again after billing changed, not after a move, and forgets them at sign-out', async () => {
    const clock = new VirtualClock(Date.parse('2026-12-06T15:00:00Z'));
    const fakes = createFakeServices({ clock });
    const { client, paths } = countingClient();
    const paperwork = createDeskPaperwork({ ...fakes.services, client });
    fakes.auth.completeNow();
    const balances = () => paperwork['paperwork:balances']({ date: day });

    expect((await balances()).ok).toBe(true);
    await clock.advance(touchedRefetchMs + 1);
    fakes.services.events.emit('data:changed', { kinds: ['appointments'], dates: [day] });
    await balances();
    expect(paths).toEqual(['/api/line_items']);

    fakes.services.events.emit('data:changed', { kinds: ['billing'] });
    await balances();
    expect(paths).toHaveLength(2);

    await fakes.auth.signOut();
    await balances();
    expect(paths).toHaveLength(3);
  });
});
