// The keychain entry of a team database's password: one per user, server and database, so two data folders on
// one computer (or a CLI run against another) never read each other's password.
import type { TeamConnection } from '../../../shared/domain/team';

export function teamPasswordName(connection: TeamConnection): string {
  return `team-database-password:${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
}
