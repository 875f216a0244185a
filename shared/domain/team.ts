// The team workspace as the window sees it: how to reach the team's PostgreSQL (never the password: the
// keychain holds it), the team, its members, and the state of this desktop's exchange with it.
import { z } from 'zod';
import { isLoopbackHost } from './loopback-host';
import { singleLineText } from './validation';

export const teamConnectionSchema = z
  .object({
    host: singleLineText('Enter the PostgreSQL server’s host name.', 253).refine(
      (host) => /^[A-Za-z0-9.\-:[\]]+$/.test(host),
      'A host name has letters, digits, dots and dashes only (or an IP address).',
    ),
    port: z.coerce.number().int('The port is a whole number.').min(1).max(65535, 'The port is 1 to 65535.'),
    database: singleLineText('Enter the database name.', 63),
    user: singleLineText('Enter the database user.', 63),
    // verify: TLS with the server certificate checked against the system's trusted authorities.
    // off: plaintext, which only a server on this computer may use.
    tls: z.enum(['verify', 'off']),
  })
  .refine((connection) => connection.tls === 'verify' || isLoopbackHost(connection.host), {
    path: ['tls'],
    message:
      'A server on another computer needs TLS: without it the password and the customers cross the network readable.',
  });
export type TeamConnection = z.infer<typeof teamConnectionSchema>;

export const teamNameSchema = singleLineText('Name the team.', 100);
export const displayNameSchema = singleLineText('Enter your name as your team sees it.', 100);
export const teamPasswordSchema = z.string().min(1, 'Enter the database password.').max(1000);

export const teamMemberSchema = z.object({
  deviceId: z.string(),
  osUser: z.string(),
  displayName: z.string(),
  lastSeenAt: z.string(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

// synced: nothing waiting; waiting: changes of ours not yet in the team database (connecting or uploading);
// offline: the team database cannot be reached (since when); error: it answered, but with a problem in words.
export const teamSyncSchema = z.object({
  state: z.enum(['synced', 'waiting', 'offline', 'error']),
  waiting: z.number().int(),
  offlineSince: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  message: z.string().nullable(),
});
export type TeamSync = z.infer<typeof teamSyncSchema>;

export const teamStatusSchema = z.object({
  configured: z.boolean(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  connection: teamConnectionSchema.nullable(),
  displayName: z.string().nullable(),
  deviceId: z.string().nullable(),
  members: z.array(teamMemberSchema),
  sync: teamSyncSchema,
});
export type TeamStatus = z.infer<typeof teamStatusSchema>;

// Settings › Team's coordination panel: who is online, how the team's Partner Center budget is shared, the
// leases each desktop holds and the last errors (times by the team database's clock, except this desktop's
// own errors while it cannot reach it).
export const teamDesktopSchema = z.object({
  deviceId: z.string(),
  displayName: z.string(),
  online: z.boolean(),
  thisDesktop: z.boolean(),
  lastSeenAt: z.string(),
  callsLastMinute: z.number().int(),
  leasesHeld: z.number().int(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});
export type TeamDesktop = z.infer<typeof teamDesktopSchema>;

export const teamCoordinationSchema = z.object({
  configured: z.boolean(),
  budget: z.object({
    // alone: not in a team; team: drawing from the team's bucket; fallback: cut off, on a conservative share.
    mode: z.enum(['alone', 'team', 'fallback']),
    requestsPerMinute: z.number(),
    callsLastMinute: z.number().int(),
    fallbackPerMinute: z.number().nullable(),
    liveMembers: z.number().int().nullable(),
  }),
  desktops: z.array(teamDesktopSchema),
  leasesHeld: z.number().int(),
  lastErrors: z.array(z.object({ at: z.string(), message: z.string() })),
  // Why the figures above may be old: the team database cannot be reached or refused.
  problem: z.string().nullable(),
});
export type TeamCoordinationState = z.infer<typeof teamCoordinationSchema>;
