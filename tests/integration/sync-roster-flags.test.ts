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

  it('keeps a flag whose type could not be read, as "Alert flag"', async () => {
    const world = createWorld({ start: TUESDAY_0830, seed: 11 });
    // The reading of `patient_flags` where only the type is named, with a front-desk account
    // without "Settings": the flag types are refused, the patients are not.
    world.sandbox.control.setPatientFlagsNamed(false);
    world.sandbox.control.setEndpointFault({
      path: '/api/patient_flag_types',
      method: '*',
      answer: 'forbidden',
    });
    const ws = world.workstation('desk-1');
    const practice = await world.drive(ws.services.practice.get());
    expect(practice.ok && practice.value.availability?.flagTypes.state).toBe('refused');
    await world.drive(ws.services.roster.sync('user'));
    const flagged = world.sandbox.db.patients
      .all()
      .filter(
        (p) =>
          p.data.patient_status === 'A' &&
          ((p.data.patient_flags_attached ?? []) as unknown[]).length > 0,
      )
      .map((p) => p.id);
    expect(flagged.length).toBeGreaterThan(0);
    const briefs = ws.services.roster.briefs(flagged);
    for (const id of flagged) {
      expect(briefs[String(id)]?.flags).toMatchObject([{ name: 'Alert flag' }]);
    }
    // Readable again: the same flags get their names back, with no refetch of the patients.
    world.sandbox.control.clearEndpointFaults();
    expect((await world.drive(ws.services.practice.get({ refresh: true }))).ok).toBe(true);
    const named = new Set(world.sandbox.db.patientFlagTypes.all().map((t) => t.data.name));
    for (const brief of Object.values(ws.services.roster.briefs(flagged)))
      expect(named.has(brief.flags?.[0]?.name ?? '')).toBe(true);
  });
});
