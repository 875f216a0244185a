// The indirect provider's resellers as last synced from Partner Center, used to resolve a typed MPN ID
// to the reseller's tenant and name without a network call. In a team the list is the team's: one desktop's
// refresh reaches the others with the sync.
import type { Database } from 'better-sqlite3';
import type { Reseller } from '../../../shared/domain/reseller';
import { statementCache } from '../../platform/db/statement-cache';

interface ResellerRow {
  tenant_id: string;
  name: string;
  mpn_id: string;
  state: string | null;
  synced_at: string;
  removed_at: string | null;
}

const statements = statementCache((db) => ({
  // A reseller Partner Center still lists: new, changed, or back after it had left.
  upsert: db.prepare<{ tenantId: string; name: string; mpnId: string; state: string | null; syncedAt: string }>(
    `INSERT INTO resellers (tenant_id, name, mpn_id, state, synced_at)
     VALUES (@tenantId, @name, @mpnId, @state, @syncedAt)
     ON CONFLICT (tenant_id) DO UPDATE SET name = @name, mpn_id = @mpnId, state = @state, synced_at = @syncedAt,
       removed_at = NULL`,
  ),
  markRemoved: db.prepare<{ tenantIds: string; at: string }>(
    `UPDATE resellers SET removed_at = @at
     WHERE removed_at IS NULL AND tenant_id NOT IN (SELECT value FROM json_each(@tenantIds))`,
  ),
  list: db.prepare<[], ResellerRow>(
    'SELECT * FROM resellers WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE, mpn_id',
  ),
  byMpnId: db.prepare<{ mpnId: string }, ResellerRow>(
    'SELECT * FROM resellers WHERE mpn_id = @mpnId AND removed_at IS NULL ORDER BY synced_at DESC LIMIT 1',
  ),
}));

const toReseller = (row: ResellerRow): Reseller => ({
  tenantId: row.tenant_id,
  name: row.name,
  mpnId: row.mpn_id,
  state: row.state,
  syncedAt: row.synced_at,
});

// The list is replaced as a whole: Partner Center's list is the truth, and a reseller that left is marked
// removed (never deleted: in a team the list travels to every desktop, and so does a removal).
export function replaceAllResellers(db: Database, resellers: readonly Reseller[], now: Date): void {
  const { upsert, markRemoved } = statements(db);
  db.transaction(() => {
    for (const reseller of resellers) upsert.run({ ...reseller });
    markRemoved.run({
      tenantIds: JSON.stringify(resellers.map((reseller) => reseller.tenantId)),
      at: now.toISOString(),
    });
  })();
}

export function listResellers(db: Database): Reseller[] {
  return statements(db).list.all().map(toReseller);
}

export function findResellerByMpnId(db: Database, mpnId: string): Reseller | null {
  const row = statements(db).byMpnId.get({ mpnId: mpnId.trim() });
  return row ? toReseller(row) : null;
}
