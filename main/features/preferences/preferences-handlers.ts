// The preferences channels' handlers: thin calls into the preferences service.
import type { preferencesChannels } from '../../../shared/ipc/channels/preferences';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { PreferencesService } from './preferences-service';

export function createPreferencesHandlers({
  preferences,
}: {
  preferences: PreferencesService;
}): HandlersOf<typeof preferencesChannels> {
  return {
    getUiPreferences: async () => preferences.get(),
    saveUiPreferences: async (value) => preferences.save(value),
  };
}
