import type { Db } from '../db';
import { hashSeed, Prng } from '../prng';
import { wallAt, wallToInstant } from '../time';

export interface SeedOptions {
  seed: number;
  today: string;
  timezone: string;
  patientCount: number;
  weeksBefore: number;
  weeksAfter: number;
  weekendClinic?: boolean;
  canaries: readonly string[];
}

/** What every seeding step shares: the tables, the calendar anchor and named PRNG streams. */
export class SeedContext {
  /** Start of `today` in the practice zone. Seeded stamps never pass it, so they are in the past. */
  readonly epoch: number;
  /** The user seeded payments and tasks are created by (the front desk). */
  actingUser = 0;

  constructor(
    readonly db: Db,
    readonly options: SeedOptions,
  ) {
    this.epoch = this.instant(options.today, 0);
  }

  get today(): string {
    return this.options.today;
  }

  get tz(): string {
    return this.options.timezone;
  }

  /** An independent stream per step, so changing one step leaves the others' data alone. */
  rng(stream: string): Prng {
    return new Prng(hashSeed(this.options.seed, this.options.today, stream));
  }

  private readonly midnights = new Map<string, number>();

  /**
   * Wall time → instant, with the zone offset looked up once per date (at noon): seeding makes
   * thousands of stamps, and an hour's error in the small hours of a DST night does not matter.
   */
  instant(date: string, minutesOfDay: number): number {
    let midnight = this.midnights.get(date);
    if (midnight === undefined) {
      const noon = wallToInstant(wallAt(date, 720), this.tz);
      if (noon === undefined) throw new RangeError(`bad seed date ${date}`);
      midnight = noon - 720 * 60_000;
      this.midnights.set(date, midnight);
    }
    return midnight + minutesOfDay * 60_000;
  }

  /**
   * A stamp `days` before today at about `minutesOfDay` (ignoring DST, which does not matter for
   * a made-up creation time, and saves a zone lookup per distinct date).
   */
  ago(days: number, minutesOfDay: number, rng: Prng): number {
    const ms = this.epoch - days * 86_400_000 + minutesOfDay * 60_000 + rng.int(0, 59) * 1000;
    return Math.min(ms, this.epoch - rng.int(60, 7200) * 1000);
  }

  /** A stamp at a wall-clock time, capped just before `epoch` (seconds spread for realism). */
  stamp(date: string, minutesOfDay: number, rng: Prng): number {
    const ms = this.instant(date, minutesOfDay) + rng.int(0, 59) * 1000;
    return Math.min(ms, this.epoch - rng.int(60, 7200) * 1000);
  }
}
