// This desktop's preferences (the language of its screens), read at start and saved from Settings.
import type { UiPreferences } from '../../../shared/ipc/channels/preferences';
import type { ServiceContext } from '../../platform/service-context';
import { getUiPreferences, saveUiPreferences } from './preferences-repository';

export interface PreferencesService {
  get(): UiPreferences;
  save(preferences: UiPreferences): UiPreferences;
}

export function createPreferencesService(context: Pick<ServiceContext, 'db' | 'now'>): PreferencesService {
  return {
    get: () => getUiPreferences(context.db),
    save: (preferences) => saveUiPreferences(context.db, preferences, context.now()),
  };
}
