// The indirect provider's resellers as last synced from Partner Center, used to resolve a typed MPN ID
// to the reseller's tenant and name without a network call.
import type { Database } from 'better-sqlite3';
import type { Reseller } from '../../../shared/domain/reseller';
import { statementCache } from '../../platform/db/statement-cache';

interface ResellerRow {
  tenant_id: string;
  name: string;
  mpn_id: string;
  state: string | null;
  synced_at: string;
}

const statements = statementCache((db) => ({
  deleteAll: db.prepare('DELETE FROM resellers'),
  insert: db.prepare<{ tenantId: string; name: string; mpnId: string; state: string | null; syncedAt: string }>(
    `INSERT INTO resellers (tenant_id, name, mpn_id, state, synced_at)
     VALUES (@tenantId, @name, @mpnId, @state, @syncedAt)`,
  ),
  list: db.prepare<[], ResellerRow>('SELECT * FROM resellers ORDER BY name COLLATE NOCASE, mpn_id'),
  byMpnId: db.prepare<{ mpnId: string }, ResellerRow>('SELECT * FROM resellers WHERE mpn_id = @mpnId'),
}));

const toReseller = (row: ResellerRow): Reseller => ({
  tenantId: row.tenant_id,
  name: row.name,
  mpnId: row.mpn_id,
  state: row.state,
  syncedAt: row.synced_at,
});

// The list is replaced as a whole: Partner Center's list is the truth, and a reseller that left must go.
export function replaceAllResellers(db: Database, resellers: readonly Reseller[]): void {
  const { deleteAll, insert } = statements(db);
  db.transaction(() => {
    deleteAll.run();
    for (const reseller of resellers) insert.run({ ...reseller });
  })();
}

export function listResellers(db: Database): Reseller[] {
  return statements(db).list.all().map(toReseller);
}

export function findResellerByMpnId(db: Database, mpnId: string): Reseller | null {
  const row = statements(db).byMpnId.get({ mpnId: mpnId.trim() });
  return row ? toReseller(row) : null;
}
