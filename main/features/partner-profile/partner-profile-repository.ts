// Key/value settings stored as JSON; today the partner profile (who AuthDesk acts for). Never secrets.
import type { Database } from 'better-sqlite3';
import { partnerProfileSchema, type PartnerProfile } from '../../../shared/domain/partner-profile';
import { statementCache } from '../../platform/db/statement-cache';

const partnerProfileKey = 'partner-profile';

const statements = statementCache((db) => ({
  get: db.prepare<{ key: string }, { value: string }>('SELECT value FROM settings WHERE key = @key'),
  put: db.prepare<{ key: string; value: string; updatedAt: string }>(
    `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @updatedAt)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
}));

export function getPartnerProfile(db: Database): PartnerProfile | null {
  const row = statements(db).get.get({ key: partnerProfileKey });
  // Parsed, not cast: a hand-edited or older row must fail loudly here rather than deep in a service.
  return row ? partnerProfileSchema.parse(JSON.parse(row.value)) : null;
}

export function savePartnerProfile(db: Database, profile: PartnerProfile, now: Date): PartnerProfile {
  const value = partnerProfileSchema.parse(profile);
  statements(db).put.run({ key: partnerProfileKey, value: JSON.stringify(value), updatedAt: now.toISOString() });
  return value;
}
