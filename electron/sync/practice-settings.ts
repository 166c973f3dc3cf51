import type { ParsedRequestOf, Practice, ReplyOf } from '../../shared/contract';
import {
  appointmentProfileSchema,
  appointmentTemplateSchema,
  officeSchema,
} from '../../shared/drchrono';
import { err, ok, type Err, type Result } from '../../shared/result';
import type { Services } from '../app/services';
import type { ApiFailure, ApiResult } from '../drchrono/types';
import { toErr } from './failures';

/**
 * The calendar's settings (appointment profiles, templates, exam rooms), the practice reference
 * domain's edits: rare admin changes made online, never queued. Reads come from the practice
 * reference (cached; an optional list the account may not read is empty there, with its reason);
 * after each edit the reference is fetched again so every screen shows the new version.
 */
export interface PracticeSettings {
  listProfiles(request: ParsedRequestOf<'profiles:list'>): Promise<ReplyOf<'profiles:list'>>;
  createProfile(request: ParsedRequestOf<'profiles:create'>): Promise<ReplyOf<'profiles:create'>>;
  updateProfile(request: ParsedRequestOf<'profiles:update'>): Promise<ReplyOf<'profiles:update'>>;
  archiveProfile(
    request: ParsedRequestOf<'profiles:archive'>,
  ): Promise<ReplyOf<'profiles:archive'>>;
  listTemplates(request: ParsedRequestOf<'templates:list'>): Promise<ReplyOf<'templates:list'>>;
  createTemplate(
    request: ParsedRequestOf<'templates:create'>,
  ): Promise<ReplyOf<'templates:create'>>;
  updateTemplate(
    request: ParsedRequestOf<'templates:update'>,
  ): Promise<ReplyOf<'templates:update'>>;
  deleteTemplate(
    request: ParsedRequestOf<'templates:delete'>,
  ): Promise<ReplyOf<'templates:delete'>>;
  addExamRoom(
    request: ParsedRequestOf<'offices:addExamRoom'>,
  ): Promise<ReplyOf<'offices:addExamRoom'>>;
}

/** Only what the settings use. */
export type PracticeSettingsDeps = Pick<Services, 'client' | 'practice'>;

const user = { priority: 'user' } as const;

export function createPracticeSettings(deps: PracticeSettingsDeps): PracticeSettings {
  const { client } = deps;

  /** Reference data changed: fetch it again so every screen (and the cache) shows the new version. */
  async function refreshPractice(): Promise<Practice | null> {
    const practice = await deps.practice.get({ refresh: true });
    return practice.ok ? practice.value : null;
  }

  return {
    async listProfiles(request) {
      if (!request.includeArchived) {
        const practice = await deps.practice.get();
        if (!practice.ok) return practice;
        return ok(practice.value.profiles.filter((p) => p.archived !== true));
      }
      const listed = await client.list(
        '/api/appointment_profiles',
        appointmentProfileSchema,
        { show_archived: true },
        user,
      );
      return listed.ok ? ok(listed.value.items) : settingsFailure(listed.failure);
    },
    async createProfile(request) {
      const created = await client.create(
        '/api/appointment_profiles',
        request.profile,
        appointmentProfileSchema,
        user,
      );
      if (!created.ok) return settingsFailure(created.failure);
      await refreshPractice();
      return ok(created.value);
    },
    async updateProfile(request) {
      const path = `/api/appointment_profiles/${request.id}`;
      const patched = await client.patch(path, request.changes, user);
      if (!patched.ok) return settingsFailure(patched.failure);
      const practice = await refreshPractice();
      const known = practice?.profiles.find((p) => p.id === request.id);
      if (known) return ok(known);
      return fromServer(await client.get(path, appointmentProfileSchema, undefined, user));
    },
    async archiveProfile(request) {
      const removed = await client.remove(`/api/appointment_profiles/${request.id}`, user);
      if (!removed.ok) return settingsFailure(removed.failure);
      await refreshPractice();
      return ok({});
    },

    async listTemplates(request) {
      const practice = await deps.practice.get();
      if (!practice.ok) return practice;
      return ok(
        practice.value.templates.filter(
          (t) =>
            t.archived !== true &&
            (request.officeId === undefined || t.office === request.officeId),
        ),
      );
    },
    async createTemplate(request) {
      const created = await client.create(
        '/api/appointment_templates',
        request.template,
        appointmentTemplateSchema,
        user,
      );
      if (!created.ok) return settingsFailure(created.failure);
      await refreshPractice();
      return ok(created.value);
    },
    async updateTemplate(request) {
      const path = `/api/appointment_templates/${request.id}`;
      const patched = await client.patch(path, request.changes, user);
      if (!patched.ok) return settingsFailure(patched.failure);
      const practice = await refreshPractice();
      const known = practice?.templates.find((t) => t.id === request.id);
      if (known) return ok(known);
      return fromServer(await client.get(path, appointmentTemplateSchema, undefined, user));
    },
    async deleteTemplate(request) {
      const removed = await client.remove(`/api/appointment_templates/${request.id}`, user);
      if (!removed.ok) return settingsFailure(removed.failure);
      await refreshPractice();
      return ok({});
    },

    async addExamRoom(request) {
      const body: Record<string, unknown> = { name: request.name };
      if (request.onlineScheduling !== undefined) body.online_scheduling = request.onlineScheduling;
      const office = await client.create(
        `/api/offices/${request.officeId}/add_exam_room`,
        body,
        officeSchema,
        user,
      );
      if (!office.ok) return settingsFailure(office.failure);
      await refreshPractice();
      return ok(office.value);
    },
  };
}

/** Settings edits are made online: offline, say so plainly rather than queue an admin change. */
function settingsFailure(failure: ApiFailure): Err {
  if (failure.kind === 'network') {
    return err(
      'offline',
      'drchrono cannot be reached, so calendar settings cannot be changed right now. Nothing was changed; try again when the connection is back.',
    );
  }
  return toErr(failure);
}

function fromServer<T>(result: ApiResult<T>): Result<T> {
  return result.ok ? ok(result.value) : settingsFailure(result.failure);
}
