-- 014: the reseller list and the relationship link cache travel with the team, so one desktop's refresh or
-- fetched link serves every desktop (no second call to Partner Center). A record the team shares is never
-- deleted: a reseller no longer listed by Partner Center is marked removed_at instead, and the MPN ID is no
-- longer unique across removed and listed resellers (two desktops' lists may cross while they sync). A link
-- gets one key column, which the team's changes name it by.
CREATE TABLE resellers_next (
  tenant_id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  mpn_id TEXT NOT NULL,
  state TEXT,
  synced_at TEXT NOT NULL,
  removed_at TEXT
);
INSERT INTO resellers_next (tenant_id, name, mpn_id, state, synced_at)
  SELECT tenant_id, name, mpn_id, state, synced_at FROM resellers;
DROP TABLE resellers;
ALTER TABLE resellers_next RENAME TO resellers;
CREATE INDEX resellers_mpn_id ON resellers (mpn_id);

CREATE TABLE relationship_link_cache_next (
  cache_key TEXT PRIMARY KEY NOT NULL,
  partner_tenant_id TEXT NOT NULL,
  -- '' for a direct partner's link (no reseller).
  reseller_tenant_id TEXT NOT NULL,
  delegated_admin INTEGER NOT NULL CHECK (delegated_admin IN (0, 1)),
  url TEXT NOT NULL,
  fetched_at TEXT NOT NULL
);
INSERT INTO relationship_link_cache_next
  (cache_key, partner_tenant_id, reseller_tenant_id, delegated_admin, url, fetched_at)
  SELECT partner_tenant_id || '|' || reseller_tenant_id || '|' || delegated_admin,
         partner_tenant_id, reseller_tenant_id, delegated_admin, url, fetched_at
  FROM relationship_link_cache;
DROP TABLE relationship_link_cache;
ALTER TABLE relationship_link_cache_next RENAME TO relationship_link_cache;
