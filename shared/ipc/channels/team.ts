// The channels of Settings › Team: the team's state, create or join (the password goes to main's keychain and
// never comes back: the window learns only `configured`), leave, sync now, and how the desktops coordinate.
// The push event teamStatusChanged is declared in contract.ts with the others.
import { z } from 'zod';
import {
  displayNameSchema,
  teamConnectionSchema,
  teamNameSchema,
  teamPasswordSchema,
  teamCoordinationSchema,
  teamStatusSchema,
  teamSyncSchema,
} from '../../domain/team';
import type { Channels } from '../channel';
import { noArguments } from '../ids';

const joinRequest = z
  .object({ connection: teamConnectionSchema, password: teamPasswordSchema, displayName: displayNameSchema })
  .strict();

export const teamChannels = {
  getTeamStatus: { request: noArguments, response: teamStatusSchema },
  createTeam: { request: joinRequest.extend({ teamName: teamNameSchema }).strict(), response: teamStatusSchema },
  joinTeam: { request: joinRequest, response: teamStatusSchema },
  leaveTeam: { request: z.object({ force: z.boolean().optional() }).strict(), response: teamStatusSchema },
  syncTeamNow: { request: noArguments, response: teamSyncSchema },
  // Settings › Team's coordination panel: online desktops, the budget's share, leases, last errors.
  getTeamCoordination: { request: noArguments, response: teamCoordinationSchema },
} as const satisfies Channels;
