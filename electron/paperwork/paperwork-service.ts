import Big from 'big.js';
import { z } from 'zod';
import type {
  BalancesDay,
  EligibilityDay,
  ReminderDefaults,
  ReminderProfiles,
  RemindersDay,
} from '../../shared/contract';
import { reminderDefaultsSchema } from '../../shared/contract';
import {
  eligibilityCheckSchema,
  lineItemSchema,
  reminderProfileSchema,
  reminderSchema,
  stringId,
  type EligibilityCheck,
  type ReminderProfile,
} from '../../shared/drchrono';
import { ok, type Result } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import type { DrchronoClient } from '../drchrono/types';
import { failed } from '../records/errors';
import { toBig } from '../records/money';
import { Recent } from '../records/recent';
import type { PlainStore } from '../store/types';
import { availabilityLine, readOptionalList, type StoredAvailability } from '../sync/optional-list';
import { DayMemo } from './day-memo';

const user = { priority: 'user' } as const;
const DEFAULTS_KEY = 'reminder-defaults';
const profilesFreshMs = 15 * 60_000;

/** What the verbose day fetch keeps: the reminders of each appointment, nothing clinical. */
const reminderCarrier = z.looseObject({
  id: stringId,
  reminders: z.array(reminderSchema).nullish(),
  deleted_flag: z.boolean().nullish(),
});

export interface PaperworkService {
  eligibility(date: string, refresh?: boolean): Promise<Result<EligibilityDay>>;
  /** With `appointmentId`: a day fetched before that visit was booked is fetched again. */
  reminders(date: string, refresh?: boolean, appointmentId?: string): Promise<Result<RemindersDay>>;
  balances(date: string, refresh?: boolean): Promise<Result<BalancesDay>>;
  /** An optional list: refused, missing or unreadable is an empty list that says why. */
  reminderProfiles(): Promise<Result<ReminderProfiles>>;
  defaults(): ReminderDefaults;
  setDefault(
    appointmentProfileId: number | null,
    reminderProfileId: number | null,
  ): ReminderDefaults;
  /**
   * Line items changed (a charge or a payment was posted): balances are asked for again. A status
   * change or a move does not touch eligibility, reminders or balances, so it costs no call here.
   */
  billingChanged(): void;
  /** Sign-out: nothing of the practice stays in memory. */
  clear(): void;
}

export interface PaperworkDeps {
  client: DrchronoClient;
  clock: Clock;
  plain: PlainStore;
  /** Why drchrono refused a list ("it lacks the “Access Scheduling” permission"). */
  refusal?: (resource: string) => string;
}

/**
 * The desk's day paperwork from drchrono, one fetch per day and kind: eligibility checks
 * (`appointment_date`, one call), reminders (the day's appointments with `verbose=true`, pages of
 * 50) and balances (line items by `service_date`, one call). Reminder profiles change rarely.
 */
export function createPaperworkService({
  client,
  clock,
  plain,
  refusal = () => 'it lacks the drchrono permission or scope for them',
}: PaperworkDeps): PaperworkService {
  const eligibilityDays = new DayMemo<EligibilityDay>(clock);
  const reminderDays = new DayMemo<RemindersDay>(clock);
  const balanceDays = new DayMemo<BalancesDay>(clock);
  const profiles = new Recent<
    'all',
    { items: ReminderProfile[]; availability: StoredAvailability }
  >(clock, profilesFreshMs, 1);
  // The line is made when asked, so it names the permission as precisely as is known then.
  const profilesView = (kept: {
    items: ReminderProfile[];
    availability: StoredAvailability;
  }): ReminderProfiles => ({
    profiles: kept.items,
    availability: availabilityLine(kept.availability, 'Reminder profiles', refusal),
  });

  async function cachedDay<V extends { fetchedAt: number }>(
    memo: DayMemo<V>,
    date: string,
    refresh: boolean,
    fetch: () => Promise<Result<V>>,
    has?: (value: V) => boolean,
  ): Promise<Result<V>> {
    const fresh = refresh ? undefined : memo.fresh(date, has);
    if (fresh) return ok(fresh);
    const fetched = await memo.once(date, fetch);
    if (fetched.ok) {
      memo.set(date, fetched.value);
      return fetched;
    }
    // Offline or throttled: yesterday's answer beats none (its fetchedAt says how old it is).
    const stale = memo.stale(date);
    return stale && fetched.error.code !== 'forbidden' ? ok(stale) : fetched;
  }

  return {
    eligibility: (date, refresh = false) =>
      cachedDay(eligibilityDays, date, refresh, async () => {
        const listed = await client.list(
          '/api/eligibility_checks',
          eligibilityCheckSchema,
          { appointment_date: date },
          user,
        );
        if (!listed.ok) return failed(listed.failure, 'patients', 'Eligibility checks');
        const newestFirst = [...listed.value.items].sort(byQueryDateDesc);
        return ok({
          date,
          byAppointment: group(newestFirst, (c) =>
            c.appointment == null ? null : String(c.appointment),
          ),
          byPatient: group(newestFirst, (c) => String(c.patient)),
          fetchedAt: clock.now(),
        });
      }),

    reminders: (date, refresh = false, appointmentId) =>
      cachedDay(
        reminderDays,
        date,
        refresh,
        async () => {
          const listed = await client.list(
            '/api/appointments',
            reminderCarrier,
            { date },
            { ...user, verbose: true },
          );
          if (!listed.ok) return failed(listed.failure, 'patients');
          const byAppointment: RemindersDay['byAppointment'] = {};
          for (const a of listed.value.items) {
            if (a.deleted_flag === true) continue;
            byAppointment[a.id] = a.reminders ?? [];
          }
          return ok({ date, byAppointment, fetchedAt: clock.now() });
        },
        (day) => appointmentId === undefined || appointmentId in day.byAppointment,
      ),

    balances: (date, refresh = false) =>
      cachedDay(balanceDays, date, refresh, async () => {
        const listed = await client.list(
          '/api/line_items',
          lineItemSchema,
          { service_date: date },
          user,
        );
        if (!listed.ok) return failed(listed.failure, 'billing', 'Line items');
        const sums = new Map<string, Big>();
        for (const item of listed.value.items) {
          if (item.appointment == null) continue;
          const key = item.appointment;
          sums.set(key, (sums.get(key) ?? new Big(0)).plus(toBig(item.balance_pt)));
        }
        const byAppointment: Record<string, string> = {};
        for (const [key, sum] of sums) byAppointment[key] = sum.toFixed(2);
        return ok({ date, byAppointment, fetchedAt: clock.now() });
      }),

    async reminderProfiles() {
      const known = profiles.get('all');
      if (known) return ok(profilesView(known));
      const read = await readOptionalList(
        client,
        '/api/reminder_profiles',
        reminderProfileSchema,
        {},
        user,
      );
      if (read.transient) {
        const stale = profiles.stale('all');
        return stale ? ok(profilesView(stale)) : failed(read.failure, 'settings');
      }
      const kept = {
        items: [...read.items].sort((a, b) => a.name.localeCompare(b.name)),
        availability: read.availability,
      };
      profiles.set('all', kept);
      return ok(profilesView(kept));
    },

    defaults: () =>
      plain.get(DEFAULTS_KEY, reminderDefaultsSchema) ?? {
        practiceDefault: null,
        byAppointmentProfile: {},
      },

    setDefault(appointmentProfileId, reminderProfileId) {
      const current = this.defaults();
      const next: ReminderDefaults = {
        practiceDefault: current.practiceDefault,
        byAppointmentProfile: { ...current.byAppointmentProfile },
      };
      if (appointmentProfileId === null) next.practiceDefault = reminderProfileId;
      else {
        const key = String(appointmentProfileId);
        next.byAppointmentProfile = Object.fromEntries(
          Object.entries(next.byAppointmentProfile).filter(([k]) => k !== key),
        );
        if (reminderProfileId !== null) next.byAppointmentProfile[key] = reminderProfileId;
      }
      plain.set(DEFAULTS_KEY, next);
      return next;
    },

    billingChanged() {
      balanceDays.touchAll();
    },

    clear() {
      eligibilityDays.clear();
      reminderDays.clear();
      balanceDays.clear();
      profiles.clear();
    },
  };
}

function byQueryDateDesc(a: EligibilityCheck, b: EligibilityCheck): number {
  return (b.query_date ?? '').localeCompare(a.query_date ?? '');
}

function group(
  checks: EligibilityCheck[],
  keyOf: (c: EligibilityCheck) => string | null,
): Record<string, EligibilityCheck[]> {
  const out: Record<string, EligibilityCheck[]> = {};
  for (const check of checks) {
    const key = keyOf(check);
    if (key === null) continue;
    (out[key] ??= []).push(check);
  }
  return out;
}
