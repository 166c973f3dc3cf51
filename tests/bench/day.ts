import { pathToFileURL } from 'node:url';
import { wallToInstant } from '../../shared/time/practice-time';
import { runNaiveDay } from './day-naive';
import { runOurDay } from './day-ours';
import type { DeskRunResult } from './day-shared';
import { buildScenario, ZONE } from './day-scenario';
import { measureWarmStart } from './day-warm-start';

/**
 * `npm run bench` — the simulated front-desk day (issue 5). A scripted 10-hour day on a virtual
 * clock against the in-process sandbox enforcing 500 calls/hour: three workstations, three rooms
 * of forty appointments, 30 bookings, 20 moves, 80 status changes, others' changes every few
 * minutes, an idle hour at lunch; then the same day driven by a naive client built the tutorial's
 * way. Plus the warm start from the encrypted cache with no network.
 *
 * Run alone: `npx tsx tests/bench/day.ts`.
 */

export interface DayBenchFigures {
  /** Every figure as one printable line. */
  lines: string[];
  ours: DeskRunResult;
  naive: DeskRunResult;
  /** The naive desk with no quota: its demand, for reading the ratio (not the judged figure). */
  naiveDemand: DeskRunResult;
  /** Our calls as a share of the naive client's (target ≤ 0.10). */
  callRatio: number;
  stalenessActive: { medianS: number; worstS: number; samples: number };
  stalenessIdle: { medianS: number; worstS: number; samples: number };
  warmStart: { medianMs: number; worstMs: number; appointments: number; calls: number };
}

const DATE = '2026-11-24'; // a Tuesday
const SEED = 20140224;

export async function runDayBench(): Promise<DayBenchFigures> {
  const scenario = buildScenario(DATE);
  if (wallToInstant(`${DATE}T08:00:00`, ZONE) !== scenario.start) throw new Error('scenario clock');
  const ours = await runOurDay(scenario, SEED);
  const naive = await runNaiveDay(scenario, SEED);
  const naiveDemand = await runNaiveDay(scenario, SEED, Number.MAX_SAFE_INTEGER);
  const warmStart = await measureWarmStart();
  const stalenessActive = summary(ours.staleness.active);
  const stalenessIdle = summary(ours.staleness.idle);
  const callRatio = naive.total === 0 ? 0 : ours.total / naive.total;
  const lines = [
    `day: ${String(scenario.counts.bookings)} bookings, ${String(scenario.counts.moves)} moves, ${String(scenario.counts.statuses)} status changes, ${String(scenario.counts.views)} view changes, ${String(scenario.counts.others)} changes by others, 3 workstations, 500 calls/h enforced`,
    `ours: ${String(ours.total)} calls in 10 h (${perHour(ours)}), 429s ${String(ours.tooMany)}, edits saved ${String(ours.edits.saved)} / queued ${String(ours.edits.queued)} / refused ${String(ours.edits.refused)}`,
    `naive (tutorial way): ${String(naive.total)} calls in 10 h (${perHour(naive)}), 429s ${String(naive.tooMany)}, edits saved ${String(naive.edits.saved)} / refused ${String(naive.edits.refused)}`,
    `ours by kind: ${Object.entries(ours.byKind)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ')}`,
    `calls ours/naive: ${(callRatio * 100).toFixed(1)} % (target ≤ 10 %)`,
    `naive with no quota (its full schedule, nothing refused): ${String(naiveDemand.total)} calls in 10 h (${perHour(naiveDemand)}); ours are ${((ours.total / Math.max(1, naiveDemand.total)) * 100).toFixed(1)} % of that (the judged ratio is the line above)`,
    `staleness of others' changes while the desk is active: median ${stalenessActive.medianS.toFixed(0)} s, worst ${stalenessActive.worstS.toFixed(0)} s (${String(stalenessActive.samples)} samples; target ≤ 60 s)`,
    `staleness while the desk is idle (lunch, away): median ${stalenessIdle.medianS.toFixed(0)} s, worst ${stalenessIdle.worstS.toFixed(0)} s (${String(stalenessIdle.samples)} samples), never seen ${String(ours.unseen)}`,
    `warm start, network absent: cached day (${String(warmStart.appointments)} appointments) in ${warmStart.medianMs.toFixed(0)} ms median, ${warmStart.worstMs.toFixed(0)} ms worst, ${String(warmStart.calls)} calls (target ≤ 300 ms)`,
  ];
  for (const slow of ours.slowest) lines.push(`slowest sighting: ${slow}`);
  return { lines, ours, naive, naiveDemand, callRatio, stalenessActive, stalenessIdle, warmStart };
}

function perHour(run: DeskRunResult): string {
  const all = Object.values(run.perDeskHour).flat();
  const max = Math.max(0, ...all);
  const desks = Object.values(run.perDeskHour).length;
  return `max ${String(max)} per workstation-hour, mean ${(run.total / Math.max(1, desks * 10)).toFixed(0)}`;
}

function summary(samples: number[]): { medianS: number; worstS: number; samples: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianS: (sorted[Math.floor(sorted.length / 2)] ?? 0) / 1000,
    worstS: (sorted[sorted.length - 1] ?? 0) / 1000,
    samples: sorted.length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const figures = await runDayBench();
  for (const line of figures.lines) console.log(`[figure] ${line}`);
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
