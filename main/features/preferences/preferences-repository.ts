// This desktop's preferences, a JSON value in the key/value settings table. Never secrets.
import type { Database } from 'better-sqlite3';
import { uiPreferencesSchema, type UiPreferences } from '../../../shared/ipc/channels/preferences';
import { statementCache } from '../../platform/db/statement-cache';

const uiPreferencesKey = 'ui-preferences';
const defaults: UiPreferences = { language: 'system' };

const statements = statementCache((db) => ({
  get: db.prepare<{ key: string }, { value: string }>('SELECT value FROM settings WHERE key = @key'),
  put: db.prepare<{ key: string; value: string; updatedAt: string }>(
    `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @updatedAt)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
}));

export function getUiPreferences(db: Database): UiPreferences {
  const row = statements(db).get.get({ key: uiPreferencesKey });
  if (!row) return defaults;
  // A value from a newer version (a language this build does not ship) falls back rather than failing start-up.
  const parsed = uiPreferencesSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : defaults;
}

export function saveUiPreferences(db: Database, preferences: UiPreferences, now: Date): UiPreferences {
  const value = uiPreferencesSchema.parse(preferences);
  statements(db).put.run({ key: uiPreferencesKey, value: JSON.stringify(value), updatedAt: now.toISOString() });
  return value;
}
