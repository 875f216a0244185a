// The relationship link cache: Partner Center's reseller relationship link carries no customer information
// (shared/partner-center-api.md section 1), so one fetched link serves every customer of the same partner
// tenant, reseller and delegated-admin choice. Cached links make "Get link" instant and work offline, and in a
// team a link one desktop fetched serves every desktop.
import type { Database } from 'better-sqlite3';
import { statementCache } from '../../platform/db/statement-cache';

export interface LinkCacheKey {
  partnerTenantId: string;
  // null for a direct partner's link.
  resellerTenantId: string | null;
  delegatedAdmin: boolean;
}

interface KeyParams {
  partner: string;
  reseller: string;
  dap: number;
}

const statements = statementCache((db) => ({
  get: db.prepare<KeyParams, { url: string }>(
    `SELECT url FROM relationship_link_cache
     WHERE partner_tenant_id = @partner AND reseller_tenant_id = @reseller AND delegated_admin = @dap`,
  ),
  // The key column names the link in the team's changes (the cache travels with the team).
  put: db.prepare<KeyParams & { url: string; at: string }>(
    `INSERT INTO relationship_link_cache
       (cache_key, partner_tenant_id, reseller_tenant_id, delegated_admin, url, fetched_at)
     VALUES (@partner || '|' || @reseller || '|' || @dap, @partner, @reseller, @dap, @url, @at)
     ON CONFLICT (cache_key) DO UPDATE SET url = @url, fetched_at = @at WHERE url IS NOT @url`,
  ),
}));

// Tenant ids are GUIDs: compared without case, as Partner Center does.
const params = (key: LinkCacheKey): KeyParams => ({
  partner: key.partnerTenantId.toLowerCase(),
  reseller: (key.resellerTenantId ?? '').toLowerCase(),
  dap: key.delegatedAdmin ? 1 : 0,
});

export function cachedRelationshipLink(db: Database, key: LinkCacheKey): string | null {
  return statements(db).get.get(params(key))?.url ?? null;
}

export function cacheRelationshipLink(db: Database, key: LinkCacheKey, url: string, now: Date): void {
  statements(db).put.run({ ...params(key), url, at: now.toISOString() });
}
