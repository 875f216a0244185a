// This desktop's own preferences (not the team's): today the language of AuthDesk's screens.
import { z } from 'zod';
import { shippedLanguages } from '../../domain/languages';
import type { Channels } from '../channel';
import { noArguments } from '../ids';

// 'system': follow the operating system's language (the default).
export const uiPreferencesSchema = z.object({ language: z.enum(['system', ...shippedLanguages]) });
export type UiPreferences = z.infer<typeof uiPreferencesSchema>;

export const preferencesChannels = {
  getUiPreferences: { request: noArguments, response: uiPreferencesSchema },
  saveUiPreferences: { request: uiPreferencesSchema.strict(), response: uiPreferencesSchema },
} as const satisfies Channels;
