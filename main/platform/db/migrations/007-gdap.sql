-- 007: GDAP (issue 8). Role templates (named sets of Microsoft Entra role definition IDs with a duration and
-- auto-extend, seeded with least-privilege presets) and each customer's GDAP relationship as last read from
-- Microsoft Graph.

CREATE TABLE gdap_role_templates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role_definition_ids TEXT NOT NULL CHECK (json_valid(role_definition_ids)),
  duration_days INTEGER NOT NULL CHECK (duration_days BETWEEN 1 AND 730),
  auto_extend INTEGER NOT NULL CHECK (auto_extend IN (0, 1)),
  preset INTEGER NOT NULL DEFAULT 0 CHECK (preset IN (0, 1)),
  updated_at TEXT NOT NULL
);

INSERT INTO gdap_role_templates (name, role_definition_ids, duration_days, auto_extend, preset, updated_at) VALUES
  ('Read only', '["88d8e3e3-8f55-4a1e-953a-9b9898b8876b"]', 730, 1, 1, '2026-01-01T00:00:00.000Z'),
  ('Helpdesk', '["88d8e3e3-8f55-4a1e-953a-9b9898b8876b","729827e3-9c14-49f7-bb1b-9608f156bbb8"]', 730, 1, 1, '2026-01-01T00:00:00.000Z'),
  ('User and licence management', '["88d8e3e3-8f55-4a1e-953a-9b9898b8876b","fe930be7-5e62-47db-91af-98c3a49a38b1","4d6ac14f-3453-41d0-bef9-a3e0c569773a"]', 730, 1, 1, '2026-01-01T00:00:00.000Z'),
  ('Exchange administration', '["88d8e3e3-8f55-4a1e-953a-9b9898b8876b","29232cdf-9323-42fd-ade2-1d097af3e4de"]', 365, 0, 1, '2026-01-01T00:00:00.000Z');

-- One relationship per customer: the latest requested (a new request replaces an expired or terminated one).
CREATE TABLE gdap_relationships (
  customer_id TEXT PRIMARY KEY NOT NULL REFERENCES customers (id),
  relationship_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  template_name TEXT NOT NULL,
  role_definition_ids TEXT NOT NULL CHECK (json_valid(role_definition_ids)),
  duration TEXT NOT NULL,
  auto_extend INTEGER NOT NULL CHECK (auto_extend IN (0, 1)),
  graph_status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  activated_at TEXT,
  ends_at TEXT,
  checked_at TEXT NOT NULL
);
