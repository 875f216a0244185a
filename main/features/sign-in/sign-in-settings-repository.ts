// The Partner Center app registration AuthDesk signs in with (client ID, partner tenant), kept in the
// settings table. Not a secret: a public client has none; the tokens live in the OS keychain.
import type { Database } from 'better-sqlite3';
import { signInSettingsSchema, type SignInSettings } from '../../../shared/domain/partner-center-sign-in';

const signInSettingsKey = 'partner-center-sign-in';

export function getSignInSettings(db: Database): SignInSettings | null {
  const row = db.prepare<{ key: string }, { value: string }>('SELECT value FROM settings WHERE key = @key').get({
    key: signInSettingsKey,
  });
  return row ? signInSettingsSchema.parse(JSON.parse(row.value)) : null;
}

export function saveSignInSettings(db: Database, settings: SignInSettings, now: Date): SignInSettings {
  const value = signInSettingsSchema.parse(settings);
  db.prepare<{ key: string; value: string; updatedAt: string }>(
    `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @updatedAt)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run({ key: signInSettingsKey, value: JSON.stringify(value), updatedAt: now.toISOString() });
  return value;
}
