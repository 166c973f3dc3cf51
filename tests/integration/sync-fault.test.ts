import { describe, expect, it } from 'vitest';
import { runFaultRun } from '../fault/fault-run';

/**
 * The fault run (issue 5): ≥ 500 edits, ≥ 20 % injected faults, random SIGKILLs of the process
 * holding the outbox. Nothing acknowledged may be lost, nothing may be doubled.
 */
describe('the outbox under faults and SIGKILLs', () => {
  it('loses no acknowledged edit and doubles no booking', { timeout: 200_000 }, async () => {
    const f = await runFaultRun({ edits: 520 });
    const kinds = Object.entries(f.faults)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ');
    console.log(
      `[figure] fault run: ${String(f.requests)} requests, faults ${(f.faultShare * 100).toFixed(1)} % (${kinds}), latency 2-17 ms on every request`,
    );
    console.log(
      `[figure] fault run: edits made ${String(f.edits)}, acknowledged ${String(f.acknowledged)}, delivered ${String(f.delivered)}, lost ${String(f.lost)}, duplicated ${String(f.duplicated)}, unacknowledged but delivered ${String(f.unacknowledgedDelivered)}, missing at restart ${String(f.missingAtRestart)}, ${f.seconds.toFixed(0)} s`,
    );
    for (const left of f.leftovers) console.log(`left in the outbox: ${left}`);
    expect(f.edits).toBeGreaterThanOrEqual(500);
    expect(f.faultShare).toBeGreaterThanOrEqual(0.2);
    expect(f.kills).toBeGreaterThanOrEqual(5);
    expect(f.lost).toBe(0);
    expect(f.duplicated).toBe(0);
    expect(f.missingAtRestart).toBe(0);
    expect(f.quarantined).toBe(0);
    expect(f.left).toEqual({ pending: 0, conflicts: 0, attention: 0 });
  });
});
