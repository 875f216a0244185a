// The team channels' handlers: thin calls into the team service and the team's coordination.
import type { teamChannels } from '../../../shared/ipc/channels/team';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { TeamCoordination } from './team-coordination';
import type { TeamService } from './team-service';

export function createTeamHandlers({
  team,
  teamCoordination,
}: {
  team: TeamService;
  teamCoordination: Pick<TeamCoordination, 'state'>;
}): HandlersOf<typeof teamChannels> {
  return {
    getTeamStatus: async () => team.status(),
    createTeam: async (input) => team.create(input),
    joinTeam: async (input) => team.join(input),
    leaveTeam: async ({ force }) => team.leave(force === undefined ? {} : { force }),
    syncTeamNow: async () => team.syncNow(),
    getTeamCoordination: async () => teamCoordination.state(),
  };
}
