// The team channels' handlers: thin calls into the team service.
import type { teamChannels } from '../../../shared/ipc/channels/team';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { TeamService } from './team-service';

export function createTeamHandlers({ team }: { team: TeamService }): HandlersOf<typeof teamChannels> {
  return {
    getTeamStatus: async () => team.status(),
    createTeam: async (input) => team.create(input),
    joinTeam: async (input) => team.join(input),
    leaveTeam: async ({ force }) => team.leave(force === undefined ? {} : { force }),
    syncTeamNow: async () => team.syncNow(),
  };
}
