import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../shared/time/clock';
import { createFakeServices } from '../app/testing/fake-services';
import { touchedRefetchMs } from './day-memo';
import { createDeskPaperwork } from './desk-paperwork';
import { listClient } from './testing/list-client';

const day = '2026-12-07';

describe("the desk's paperwork", () => {
  it('asks for balances again after billing changed, not after a move, and forgets them at sign-out', async () => {
    const clock = new VirtualClock(Date.parse('2026-12-06T15:00:00Z'));
    const fakes = createFakeServices({ clock });
    const { client, calls } = listClient();
    const paths = () => calls.map((c) => c.path);
    const paperwork = createDeskPaperwork({ ...fakes.services, client });
    fakes.auth.completeNow();
    const balances = () => paperwork['paperwork:balances']({ date: day });

    expect((await balances()).ok).toBe(true);
    await clock.advance(touchedRefetchMs + 1);
    fakes.services.events.emit('data:changed', { kinds: ['appointments'], dates: [day] });
    await balances();
    expect(paths()).toEqual(['/api/line_items']);

    fakes.services.events.emit('data:changed', { kinds: ['billing'] });
    await balances();
    expect(paths()).toHaveLength(2);

    await fakes.auth.signOut();
    await balances();
    expect(paths()).toHaveLength(3);
  });
});
