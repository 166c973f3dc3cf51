import { describe, expect, it } from 'vitest';
import type { DataChanged } from '../../shared/contract';
import { createWorld, TUESDAY_0830 } from './sync-harness';

/**
 * The roster's `since` poll names the patients that changed, so a screen showing another patient
 * does not read its record again (each read is one of the practice's calls).
 */
describe('roster changes', () => {
  it('names the patients another workstation changed; the first full load names none', async () => {
    const world = createWorld({ start: TUESDAY_0830, seed: 11 });
    const ws = world.workstation('desk-1');
    const practice = await world.drive(ws.services.practice.get());
    expect(practice.ok).toBe(true);
    await world.drive(ws.services.roster.sync('user'));
    const changes = () =>
      ws.received.flatMap((r) => {
        if (r.event !== 'data:changed') return [];
        const change = r.payload as DataChanged;
        return change.kinds.includes('patients') ? [change] : [];
      });
    expect(changes()).toHaveLength(1);
    expect(changes()[0]).not.toHaveProperty('patients');

    const [first, second] = world.sandbox.db.patients.all();
    if (!first || !second) throw new Error('the sandbox has no patients');
    await world.advance(60_000);
    const patched = await world.sandbox.control.asOtherWorkstation(
      'PATCH',
      `/api/patients/${String(first.id)}`,
      { cell_phone: '(555) 010-7788' },
    );
    expect(patched.status).toBe(204);
    await world.advance(60_000);
    const synced = await world.drive(ws.services.roster.sync('background'));
    expect(synced.ok && synced.value.changed).toBe(1);
    expect(changes().at(-1)).toEqual({ kinds: ['patients'], patients: [first.id] });
    expect(ws.services.roster.briefs([first.id])[String(first.id)]?.cell_phone).toBe(
      '(555) 010-7788',
    );
  });
});
