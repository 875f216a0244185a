// The SQL an administrator runs to give account managers a least-privilege role on the team database (printed
// by `authdesk team sql`, and in the README): read the team and the exchange, append changes, keep their own
// member row, coordinate (budget, leases, claims); no UPDATE or DELETE of the history, no DDL. The schema itself is created by `authdesk team create`
// run with an owner's role.
export function teamRolesSql(database: string, role = 'authdesk_member'): string {
  const db = `"${database.replace(/"/g, '""')}"`;
  const member = `"${role.replace(/"/g, '""')}"`;
  return `-- AuthDesk team database: a least-privilege role for account managers' desktops.
-- Run as the database owner after \`authdesk team create\`. Replace the password; give each person their own
-- role (copy the block) if you want the database's own audit to tell them apart.
CREATE ROLE ${member} LOGIN PASSWORD 'change-me';
GRANT CONNECT ON DATABASE ${db} TO ${member};
GRANT USAGE ON SCHEMA public TO ${member};
GRANT SELECT ON authdesk_team_schema, team TO ${member};
-- The exchange is append-only for members: read and add, never change or remove.
GRANT SELECT, INSERT ON team_changes TO ${member};
GRANT USAGE ON SEQUENCE team_changes_seq_seq TO ${member};
GRANT SELECT, INSERT ON team_members TO ${member};
GRANT UPDATE (display_name, last_seen_at) ON team_members TO ${member};
REVOKE UPDATE, DELETE, TRUNCATE ON team_changes FROM PUBLIC;
-- Coordination (the shared Partner Center budget, heartbeats, leases, once-only claims): rows are updated in
-- place; a claim given up before it was done is removed.
GRANT SELECT, INSERT, UPDATE ON team_rate_budget, team_presence, team_leases TO ${member};
GRANT SELECT, INSERT, UPDATE, DELETE ON team_claims TO ${member};
`;
}
