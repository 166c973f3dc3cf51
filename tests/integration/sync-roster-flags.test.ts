import { describe, expect, it } from 'vitest';
import { createWorld, TUESDAY_0830 } from './sync-harness';

/**
 * The roster keeps each patient's alert flags (fetched with the patients it pages through anyway),
 * names them by the practice's flag types, follows a flag attached elsewhere through its `since`
 * poll, and does not lose them to a search answered without them.
 */
describe('roster flags', () => {
  it('names the flags of the patients it keeps, follows a new one, and keeps them through a search', async () => {
    const world = createWorld({ start: TUESDAY_0830, seed: 11 });
    const ws = world.workstation('desk-1');
    expect((await world.drive(ws.services.practice.get())).ok).toBe(true);
    await world.drive(ws.services.roster.sync('user'));
    const types = world.sandbox.db.patientFlagTypes.all();
    const collections = types.find((t) => t.data.name === 'Balance in collections');
    if (!collections) throw new Error('the sandbox has no "Balance in collections" flag type');
    // Active patients (the roster's): drchrono lists no inactive ones by default.
    const active = world.sandbox.db.patients.all().filter((p) => p.data.patient_status === 'A');
    const flagged = active.filter(
      (p) => ((p.data.patient_flags_attached ?? []) as unknown[]).length > 0,
    );
    expect(flagged.length).toBeGreaterThan(0);
    const flaggedIds = flagged.map((p) => p.id);
    const briefs = ws.services.roster.briefs(flaggedIds);
    for (const id of flaggedIds) expect(briefs[String(id)]?.flags?.length).toBe(1);
    const typeNames = new Set(types.map((t) => t.data.name));
    for (const id of flaggedIds)
      expect(typeNames.has(briefs[String(id)]?.flags?.[0]?.name ?? '')).toBe(true);

    const plain = active.find(
      (p) => ((p.data.patient_flags_attached ?? []) as unknown[]).length === 0,
    );
    if (!plain) throw new Error('every sandbox patient is flagged');
    expect(ws.services.roster.briefs([plain.id])[String(plain.id)]?.flags).toEqual([]);
    await world.advance(60_000);
    const patched = await world.sandbox.control.asOtherWorkstation(
      'PATCH',
      `/api/patients/${String(plain.id)}`,
      { patient_flags_attached: [{ flag_type: collections.id }] },
    );
    expect(patched.status).toBe(204);
    await world.advance(60_000);
    await world.drive(ws.services.roster.sync('background'));
    expect(ws.services.roster.briefs([plain.id])[String(plain.id)]?.flags).toMatchObject([
      { name: 'Balance in collections', color: '#6D4C41' },
    ]);

    // A search from drchrono (no verbose) brings the patient back without flags: ours stay.
    const last = String(plain.data.last_name);
    const found = await world.drive(ws.services.roster.search({ lastName: last, server: true }));
    expect(found.ok).toBe(true);
    expect(ws.services.roster.briefs([plain.id])[String(plain.id)]?.flags).toMatchObject([
      { name: 'Balance in collections' },
    ]);
  });
});
