-- 012: GDAP access assignments. A role template may name the partner's security group that gets its roles; a
-- relationship keeps the group it was requested with and, once the customer approved, the access assignment
-- made in it (Graph's id and status, or why it could not be made).
ALTER TABLE gdap_role_templates ADD COLUMN security_group_id TEXT;
ALTER TABLE gdap_role_templates ADD COLUMN security_group_name TEXT;
ALTER TABLE gdap_relationships ADD COLUMN security_group_id TEXT;
ALTER TABLE gdap_relationships ADD COLUMN security_group_name TEXT;
ALTER TABLE gdap_relationships ADD COLUMN access_assignments TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(access_assignments));
