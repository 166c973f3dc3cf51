import type { PracticeSettings } from '../sync/practice-settings';
import type { HandlerGroup } from './types';

type SettingsChannel =
  | 'profiles:list'
  | 'profiles:create'
  | 'profiles:update'
  | 'profiles:archive'
  | 'templates:list'
  | 'templates:create'
  | 'templates:update'
  | 'templates:delete'
  | 'offices:addExamRoom';

/** Thin: the dispatcher validated the request; the practice settings service does the rest. */
export function createPracticeSettingsHandlers(
  settings: PracticeSettings,
): HandlerGroup<SettingsChannel> {
  return {
    'profiles:list': (request) => settings.listProfiles(request),
    'profiles:create': (request) => settings.createProfile(request),
    'profiles:update': (request) => settings.updateProfile(request),
    'profiles:archive': (request) => settings.archiveProfile(request),
    'templates:list': (request) => settings.listTemplates(request),
    'templates:create': (request) => settings.createTemplate(request),
    'templates:update': (request) => settings.updateTemplate(request),
    'templates:delete': (request) => settings.deleteTemplate(request),
    'offices:addExamRoom': (request) => settings.addExamRoom(request),
  };
}
