import { addDays, instantToWall } from '../../shared/time/practice-time';
import { createWorld, SANDBOX_ORIGIN, type World } from '../integration/sync-harness';
import { freeSlot, visitToAdvance, visitToMove, type Visible } from './day-desk-ops';
import {
  bookAdvance,
  countCalls,
  emptyRunResult,
  othersChange,
  setUpDeskDay,
  type DeskRunResult,
} from './day-shared';
import {
  ROOMS,
  WORKSTATIONS,
  ZONE,
  type DayEvent,
  type DeskName,
  type Scenario,
} from './day-scenario';

/**
 * The baseline: a desk built the way drchrono's tutorial shows. On every view change and every
 * 60 seconds it fetches the visible day's appointments and pages through `/api/patients` (to put
 * names on them), following `next`. Edits are single POST/PATCH calls. No deliberate waste: one
 * request per page, the default page size, nothing fetched twice per refresh. Same freshness as
 * ours by construction (≤ 60 s), same scripted work.
 */

interface Page {
  next?: string | null;
  results?: unknown[];
}

class NaiveDesk {
  readonly log: { at: number; status: number }[] = [];
  visibleDate: string;
  day: Visible[] = [];
  private stopped = false;

  constructor(
    private readonly world: World,
    private readonly token: string,
    today: string,
  ) {
    this.visibleDate = today;
  }

  async call(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown; location: string | null }> {
    const entry = { at: this.world.clock.now(), status: 0 };
    this.log.push(entry);
    const response = await this.world.inflight.track(
      this.world.sandbox.handle(
        new Request(new URL(url, SANDBOX_ORIGIN), {
          method,
          headers: {
            Authorization: `Bearer ${this.token}`,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      ),
    );
    entry.status = response.status;
    const text = await response.text();
    const json =
      text && response.headers.get('content-type')?.includes('json')
        ? (JSON.parse(text) as unknown)
        : null;
    return { status: response.status, json, location: response.headers.get('location') };
  }

  /** The tutorial's loop: `while url: data = get(url); results += data['results']; url = data['next']`. */
  async all(url: string): Promise<unknown[]> {
    const out: unknown[] = [];
    let next: string | null | undefined = url;
    while (next) {
      const { status, json } = await this.call('GET', next);
      if (status !== 200) return out;
      const page = json as Page;
      out.push(...(page.results ?? []));
      next = page.next;
    }
    return out;
  }

  async refresh(): Promise<void> {
    this.day = (await this.all(`/api/appointments?date=${this.visibleDate}`)) as Visible[];
    await this.all('/api/patients');
  }

  async open(): Promise<void> {
    // `/api/users/current` answers 302; the tutorial's HTTP library follows it (a second call).
    const current = await this.call('GET', '/api/users/current');
    if (current.location) await this.call('GET', current.location);
    await this.all('/api/doctors');
    await this.all('/api/offices');
    await this.refresh();
    void (async () => {
      while (this.running()) {
        try {
          await this.world.clock.sleep(60_000);
        } catch {
          return;
        }
        if (this.running()) await this.refresh();
      }
    })();
  }

  async view(date: string): Promise<void> {
    this.visibleDate = date;
    await this.refresh();
  }

  stop(): void {
    this.stopped = true;
  }

  private running(): boolean {
    return !this.stopped;
  }
}

/**
 * `hourlyQuota` is drchrono's 500 by default; the bench also runs the naive desk with no quota to
 * show what its schedule asks for when nothing refuses it (the freshness it was built for).
 */
export async function runNaiveDay(
  scenario: Scenario,
  seed: number,
  hourlyQuota = 500,
): Promise<DeskRunResult> {
  const world = createWorld({ start: scenario.start - 15 * 60_000, seed, hourlyQuota });
  await bookAdvance(world, scenario);
  const { office, doctor, patients } = setUpDeskDay(world);
  const desks = new Map<DeskName, NaiveDesk>();
  for (const name of WORKSTATIONS) {
    desks.set(
      name,
      new NaiveDesk(world, world.sandbox.control.issueTokens().access_token, scenario.date),
    );
  }
  for (const desk of desks.values()) await world.drive(desk.open());
  const nowWall = () => instantToWall(world.clock.now(), ZONE);
  const result = emptyRunResult();

  async function perform(event: DayEvent): Promise<void> {
    if (event.kind === 'other') {
      await othersChange(world, scenario, event.at);
      return;
    }
    const desk = desks.get(event.desk);
    if (!desk) return;
    if (event.kind === 'view') {
      await desk.view(addDays(scenario.date, event.offset));
      return;
    }
    // Edits happen on today's book: a desk looking at another day goes back to it first.
    if (desk.visibleDate !== scenario.date) await desk.view(scenario.date);
    const visible = desk.day;
    const done = (status: number) => {
      if (status >= 200 && status < 300) result.edits.saved += 1;
      else result.edits.refused += 1;
    };
    if (event.kind === 'status') {
      const pick = visitToAdvance(visible, office, nowWall());
      if (pick)
        done(
          (await desk.call('PATCH', `/api/appointments/${pick.visit.id}`, { status: pick.to }))
            .status,
        );
      return;
    }
    if (event.kind === 'move') {
      const visit = visitToMove(visible, office, nowWall());
      const skip = new Set<string>();
      for (let tries = 0; visit && tries < 5; tries++) {
        const slot = freeSlot(visible, office, scenario.date, nowWall(), [3, 2, 1], skip);
        if (!slot) return;
        const r = await desk.call('PATCH', `/api/appointments/${visit.id}`, {
          scheduled_time: slot.time,
          exam_room: slot.room,
        });
        if (r.status === 409) {
          skip.add(`${String(slot.room)}@${slot.time}`);
          result.edits.retriedSlots += 1;
          continue;
        }
        done(r.status);
        return;
      }
      return;
    }
    const skip = new Set<string>();
    for (let tries = 0; tries < 5; tries++) {
      const slot = freeSlot(visible, office, scenario.date, nowWall(), ROOMS, skip);
      if (!slot) return;
      const r = await desk.call('POST', '/api/appointments', {
        doctor,
        office,
        exam_room: slot.room,
        patient: patients[Math.floor(event.at / 60_000) % patients.length],
        scheduled_time: slot.time,
        duration: 15,
      });
      if (r.status === 409) {
        skip.add(`${String(slot.room)}@${slot.time}`);
        result.edits.retriedSlots += 1;
        continue;
      }
      done(r.status);
      return;
    }
  }

  for (const event of scenario.events) {
    await world.advance(Math.max(0, event.at - world.clock.now()));
    await world.drive(perform(event));
  }
  await world.advance(Math.max(0, scenario.end - world.clock.now()));
  for (const desk of desks.values()) desk.stop();

  for (const [name, desk] of desks) countCalls(result, scenario, name, desk.log);
  return result;
}
