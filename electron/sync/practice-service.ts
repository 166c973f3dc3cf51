import { z } from 'zod';
import type { Practice, PracticeListName } from '../../shared/contract';
import {
  appointmentProfileSchema,
  appointmentTemplateSchema,
  doctorSchema,
  officeSchema,
  patientFlagTypeSchema,
  userGroupSchema,
  userSchema,
  type Doctor,
  type PatientFlagType,
  type User,
} from '../../shared/drchrono';
import { err, ok, type Result } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import { todayIn } from '../../shared/time/practice-time';
import type { EventBus, PracticeService } from '../app/services';
import type { CurrentUserReader } from '../drchrono/current-user';
import type { ApiFailure, DrchronoClient, Priority } from '../drchrono/types';
import type { SecureStore } from '../store/types';
import { DocWriter } from './doc-writer';
import { toErr } from './failures';
import {
  availabilityLine,
  availableList,
  readOptionalList,
  type OptionalListRead,
  type StoredAvailability,
} from './optional-list';

export const REFERENCE_DOCUMENT = 'cache-reference';

const storedAvailabilitySchema = z.strictObject({
  state: z.enum(['available', 'refused', 'missing', 'unreadable', 'unknown']),
  skipped: z.int().min(0),
  detail: z.string().nullable(),
  resource: z.string().nullable(),
});

const referenceDocumentSchema = z.strictObject({
  version: z.literal(2),
  fetchedAt: z.number(),
  user: userSchema,
  users: z.array(userSchema),
  userGroups: z.array(userGroupSchema),
  doctors: z.array(doctorSchema),
  offices: z.array(officeSchema),
  profiles: z.array(appointmentProfileSchema),
  templates: z.array(appointmentTemplateSchema),
  /** The patient flag types; null when drchrono refused them (the calendar then names none). */
  flagTypes: z.array(patientFlagTypeSchema).nullable().optional(),
  availability: z.strictObject({
    users: storedAvailabilitySchema,
    userGroups: storedAvailabilitySchema,
    profiles: storedAvailabilitySchema,
    templates: storedAvailabilitySchema,
    /** Absent in a cache written before flag types were an optional list. */
    flagTypes: storedAvailabilitySchema.optional(),
  }),
});
type ReferenceDocument = z.infer<typeof referenceDocumentSchema>;

export interface PracticeServiceOptions {
  /** The tracked client. */
  client: DrchronoClient;
  clock: Clock;
  store: SecureStore;
  events: EventBus;
  /** Reference data changes rarely (rooms, profiles): refreshed after this long. Default 12 h. */
  staleAfterMs?: number;
  /**
   * Why drchrono refused a list, as the end of "… are not available to this drchrono account:
   * <reason>" (the capability service knows the scopes granted and permissions proven).
   */
  refusal?: (resource: string) => string;
  /** Shares `/api/users/current` with the sign-in's profile, which reads it at the same moment. */
  currentUser?: CurrentUserReader;
}

/** The optional lists: their labels as the controls name them, and where they come from. */
const optionalLists: Record<PracticeListName, { label: string; path: string }> = {
  users: { label: 'Staff members', path: '/api/users' },
  userGroups: { label: 'Staff groups', path: '/api/user_groups' },
  profiles: { label: 'Appointment profiles', path: '/api/appointment_profiles' },
  templates: { label: 'Appointment templates', path: '/api/appointment_templates' },
  flagTypes: { label: 'Patient flag types', path: '/api/patient_flag_types' },
};

/** Used only until the first doctor is known: drchrono's practices are in US zones. */
const FALLBACK_ZONE = 'America/New_York';

/**
 * Offices and exam rooms, doctors, profiles, templates, users and the current user: cached in the
 * encrypted store and painted from it before any call, refreshed every few hours or when asked.
 * The practice's zone is its doctors' `timezone`; every date and time on screen is in it.
 */
export class PracticeReference implements PracticeService {
  private doc: ReferenceDocument | null = null;
  private loading: Promise<void> | null = null;
  private refreshing: Promise<Result<Practice>> | null = null;
  private readonly writer: DocWriter;
  private readonly staleAfterMs: number;
  private flagTypeMap: { source: PatientFlagType[]; map: Map<number, PatientFlagType> } | null =
    null;

  constructor(private readonly options: PracticeServiceOptions) {
    this.writer = new DocWriter(options.store, REFERENCE_DOCUMENT, () => this.doc);
    this.staleAfterMs = options.staleAfterMs ?? 12 * 3_600_000;
  }

  init(): Promise<void> {
    this.loading ??= (async () => {
      try {
        this.doc =
          (await this.options.store.read(REFERENCE_DOCUMENT, referenceDocumentSchema)) ?? null;
      } catch {
        await this.options.store.delete(REFERENCE_DOCUMENT).catch(() => undefined);
      }
    })();
    return this.loading;
  }

  async get(options: { refresh?: boolean } = {}): Promise<Result<Practice>> {
    await this.init();
    const cached = this.cached();
    if (options.refresh === true || !cached) return this.refresh('user');
    if (this.isStale()) void this.refresh('background');
    return ok(cached);
  }

  cached(): Practice | null {
    return this.doc ? this.view(this.doc) : null;
  }

  /** The practice's patient flag types by id; null when unknown or refused. */
  flagTypes(): ReadonlyMap<number, PatientFlagType> | null {
    const types = this.doc?.flagTypes;
    if (!types) return null;
    if (this.flagTypeMap?.source !== types)
      this.flagTypeMap = { source: types, map: new Map(types.map((t) => [t.id, t])) };
    return this.flagTypeMap.map;
  }

  /** The practice zone, or null before the reference data is known. */
  zone(): string | null {
    return this.doc ? zoneOf(this.doc.user, this.doc.doctors) : null;
  }

  isStale(): boolean {
    return !this.doc || this.options.clock.now() - this.doc.fetchedAt > this.staleAfterMs;
  }

  /** Fetches everything again (nine calls: the current user costs two, drchrono redirects it). */
  refresh(priority: Priority): Promise<Result<Practice>> {
    this.refreshing ??= this.fetch(priority).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  async wipe(): Promise<void> {
    await this.init();
    this.doc = null;
    await this.writer.idle();
    await this.options.store.delete(REFERENCE_DOCUMENT);
  }

  /**
   * Required: the current user, doctors and offices (with their exam rooms); without them there
   * is no calendar, so their failure fails the refresh (the cached copy still answers). Optional:
   * profiles, templates, the staff list and groups; any of them refused, missing or unreadable
   * leaves the rest working and says why (see `readOptionalList`).
   */
  private async fetch(priority: Priority): Promise<Result<Practice>> {
    await this.init();
    const { client } = this.options;
    const opts = { priority };
    const list = { pageSize: 250, priority };
    const fetchedAt = this.options.clock.now();
    const [user, doctors, offices, profiles, templates, users, userGroups, flagTypes] =
      await Promise.all([
        this.options.currentUser
          ? this.options.currentUser.read(client, priority)
          : client.get('/api/users/current', userSchema, undefined, opts),
        client.list('/api/doctors', doctorSchema, {}, list),
        client.list('/api/offices', officeSchema, {}, list),
        readOptionalList(client, '/api/appointment_profiles', appointmentProfileSchema, {}, list),
        readOptionalList(client, '/api/appointment_templates', appointmentTemplateSchema, {}, list),
        readOptionalList(client, '/api/users', userSchema, {}, list),
        readOptionalList(client, '/api/user_groups', userGroupSchema, {}, list),
        // A practice that refuses them loses the flags' names, nothing else.
        readOptionalList(client, '/api/patient_flag_types', patientFlagTypeSchema, {}, list),
      ]);
    const failed = [user, doctors, offices].find(
      (r): r is { ok: false; failure: ApiFailure } => !r.ok,
    );
    if (failed || !user.ok || !doctors.ok || !offices.ok) {
      const cached = this.cached();
      if (cached) return ok(cached);
      return failed ? toErr(failed.failure) : err('server', 'drchrono answered oddly.');
    }
    const previous = this.doc;
    // A passing trouble keeps the list read before (or an empty one, marked as not loaded yet).
    const settle = <T>(
      read: OptionalListRead<T>,
      before: T[] | undefined,
      beforeState: StoredAvailability | undefined,
      resource: string,
    ): { items: T[]; availability: StoredAvailability } => {
      if (!read.transient) return { items: read.items, availability: read.availability };
      if (before && beforeState) return { items: before, availability: beforeState };
      return { items: [], availability: { ...availableList(resource), state: 'unknown' } };
    };
    const p = settle(
      profiles,
      previous?.profiles,
      previous?.availability.profiles,
      'appointment_profiles',
    );
    const t = settle(
      templates,
      previous?.templates,
      previous?.availability.templates,
      'appointment_templates',
    );
    const u = settle(users, previous?.users, previous?.availability.users, 'users');
    const g = settle(
      userGroups,
      previous?.userGroups,
      previous?.availability.userGroups,
      'user_groups',
    );
    // Flag types: null (not an empty list) when unavailable, so flags show without names.
    const f = flagTypes.transient
      ? {
          items: previous?.flagTypes ?? null,
          availability: previous?.availability.flagTypes ?? {
            ...availableList('patient_flag_types'),
            state: 'unknown' as const,
          },
        }
      : {
          items: flagTypes.availability.state === 'available' ? flagTypes.items : null,
          availability: flagTypes.availability,
        };
    this.doc = {
      version: 2,
      fetchedAt,
      user: user.value,
      doctors: doctors.value.items,
      offices: offices.value.items,
      profiles: p.items,
      templates: t.items,
      users: u.items,
      userGroups: g.items,
      flagTypes: f.items,
      availability: {
        profiles: p.availability,
        templates: t.availability,
        users: u.availability,
        userGroups: g.availability,
        flagTypes: f.availability,
      },
    };
    await this.writer.save().catch(() => undefined);
    this.options.events.emit('data:changed', { kinds: ['reference'] });
    return ok(this.view(this.doc));
  }

  private view(doc: ReferenceDocument): Practice {
    const timezone = zoneOf(doc.user, doc.doctors);
    return {
      timezone,
      practiceName: doctorOf(doc.user, doc.doctors)?.practice_group_name ?? '',
      today: todayIn(timezone, this.options.clock.now()),
      user: doc.user,
      users: doc.users,
      userGroups: doc.userGroups,
      doctors: doc.doctors,
      offices: doc.offices,
      profiles: doc.profiles,
      templates: doc.templates,
      fetchedAt: doc.fetchedAt,
      availability: this.availability(doc),
    };
  }

  private availability(doc: ReferenceDocument): NonNullable<Practice['availability']> {
    const refusal =
      this.options.refusal ?? (() => 'it lacks the drchrono permission or scope for them');
    const line = (name: PracticeListName) =>
      availabilityLine(
        doc.availability[name] ?? { ...availableList(null), state: 'unknown' },
        optionalLists[name].label,
        refusal,
      );
    return {
      users: line('users'),
      userGroups: line('userGroups'),
      profiles: line('profiles'),
      templates: line('templates'),
      // A cache from before flag types were read as an optional list: not known yet.
      flagTypes: doc.availability.flagTypes
        ? line('flagTypes')
        : { state: 'unknown', reason: null, skipped: 0, detail: null },
    };
  }
}

function doctorOf(user: User, doctors: Doctor[]): Doctor | undefined {
  return doctors.find((d) => d.id === user.doctor) ?? doctors[0];
}

function zoneOf(user: User, doctors: Doctor[]): string {
  return doctorOf(user, doctors)?.timezone ?? FALLBACK_ZONE;
}
