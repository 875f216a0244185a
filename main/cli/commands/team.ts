// `authdesk team create|join|status|leave|sql` and `authdesk sync`: the team workspace for administrators and
// scripts, through the same handlers as Settings › Team.
import os from 'node:os';
import type { TeamStatus, TeamSync } from '../../../shared/domain/team';
import { teamRolesSql } from '../../features/team/team-roles-sql';
import { callHandler } from '../call-handler';
import { exitCodes, requiredString, stringValue, type CliCommand, type CliContext } from '../cli-command';
import { parseTeamDatabaseUrl } from '../team-database-url';

function syncLine(sync: TeamSync): string {
  const waiting = `${sync.waiting} change${sync.waiting === 1 ? '' : 's'} waiting`;
  switch (sync.state) {
    case 'synced':
      return 'synced';
    case 'waiting':
      return waiting;
    case 'offline':
      return `offline since ${sync.offlineSince ?? 'now'}, ${waiting}: ${sync.message ?? ''}`;
    case 'error':
      return `error: ${sync.message ?? ''} (${waiting})`;
  }
}

function printStatus(context: CliContext, status: TeamStatus): void {
  if (context.json) {
    context.out(JSON.stringify(status, null, 2));
    return;
  }
  if (!status.configured || !status.team || !status.connection) {
    context.out('Not in a team.');
    return;
  }
  const { connection } = status;
  context.out(`Team: ${status.team.name}`);
  context.out(`Database: ${connection.database} on ${connection.host}:${connection.port} as ${connection.user}`);
  context.out(`You: ${status.displayName ?? ''}`);
  context.out(`Sync: ${syncLine(status.sync)}`);
  context.out(`Last sync: ${status.sync.lastSyncedAt ?? 'never'}`);
  context.out(`Members (${status.members.length}):`);
  for (const member of status.members) {
    context.out(`  ${member.displayName} (${member.osUser}), last seen ${member.lastSeenAt}`);
  }
}

const joinOptions = {
  'database-url': { type: 'string' },
  'display-name': { type: 'string' },
} as const;

function joinInput(values: Record<string, unknown>) {
  const { connection, password } = parseTeamDatabaseUrl(requiredString(values as never, 'database-url'), process.env);
  const displayName = stringValue(values as never, 'display-name') ?? os.userInfo().username;
  return { connection, password, displayName };
}

export const teamCreateCommand: CliCommand = {
  words: ['team', 'create'],
  usage: '--database-url URL --name NAME [--display-name NAME]',
  summary: 'Create a team in an empty PostgreSQL database and join it',
  options: { ...joinOptions, name: { type: 'string' } },
  async run(context, values) {
    const status = await callHandler(context.handlers, 'createTeam', {
      ...joinInput(values),
      teamName: requiredString(values, 'name'),
    });
    printStatus(context, status);
    return exitCodes.ok;
  },
};

export const teamJoinCommand: CliCommand = {
  words: ['team', 'join'],
  usage: '--database-url URL [--display-name NAME]',
  summary: 'Join the team in a PostgreSQL database; this desktop’s customers are shared with it',
  options: joinOptions,
  async run(context, values) {
    printStatus(context, await callHandler(context.handlers, 'joinTeam', joinInput(values)));
    return exitCodes.ok;
  },
};

export const teamStatusCommand: CliCommand = {
  words: ['team', 'status'],
  usage: '[--json]',
  summary: 'The team, its members, the changes waiting and the last sync',
  async run(context) {
    printStatus(context, await callHandler(context.handlers, 'getTeamStatus', {}));
    return exitCodes.ok;
  },
};

export const teamLeaveCommand: CliCommand = {
  words: ['team', 'leave'],
  usage: '[--force]',
  summary: 'Leave the team (refused while changes wait to upload, unless --force); the data stays here',
  options: { force: { type: 'boolean' } },
  async run(context, values) {
    const status = await callHandler(context.handlers, 'leaveTeam', values.force === true ? { force: true } : {});
    if (context.json) context.out(JSON.stringify(status, null, 2));
    else context.out('Left the team. The customers and history stay on this desktop.');
    return exitCodes.ok;
  },
};

export const teamSqlCommand: CliCommand = {
  words: ['team', 'sql'],
  usage: '[--database NAME] [--role NAME]',
  summary: 'Print the SQL an administrator runs to create a least-privilege role for the team',
  options: { database: { type: 'string' }, role: { type: 'string' } },
  async run(context, values) {
    const status = await callHandler(context.handlers, 'getTeamStatus', {});
    const database = stringValue(values, 'database') ?? status.connection?.database ?? 'authdesk';
    context.out(teamRolesSql(database, stringValue(values, 'role')));
    return exitCodes.ok;
  },
};

export const syncCommand: CliCommand = {
  words: ['sync'],
  usage: '[--json]',
  summary: 'Upload and download the team’s changes once; exit 0 when nothing is left waiting',
  async run(context) {
    const sync = await callHandler(context.handlers, 'syncTeamNow', {});
    if (context.json) context.out(JSON.stringify(sync, null, 2));
    else context.out(`Team sync: ${syncLine(sync)}`);
    return sync.waiting === 0 && sync.state !== 'error' && sync.state !== 'offline' ? exitCodes.ok : exitCodes.failure;
  },
};
