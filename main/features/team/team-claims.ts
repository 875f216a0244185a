// Once-only side effects for the team: before a desktop sends a reminder or a bulk email, or runs a Partner
// Center action another desktop may also have queued, it claims the effect's key in PostgreSQL (a primary key
// per customer and step). The first desktop to insert the key does it; the others are told who did. A claim
// has no expiry: only its holder's own outbox does the effect (after a crash, at its next start), so a message
// is never sent by two desktops; a claim given up before anything happened is removed so another may take it.
import type { TeamCoordinationClient } from './team-coordination-client';

export type ClaimOutcome = { granted: true } | { granted: false; by: string; claimedAt: string; doneAt: string | null };

export interface TeamClaims {
  claim(key: string): Promise<ClaimOutcome>;
  // The effect happened.
  done(key: string): Promise<void>;
  // Nothing happened and nothing will (cancelled, refused for good): another desktop may claim it.
  giveUp(key: string): Promise<void>;
}

export function createTeamClaims(coordination: TeamCoordinationClient): TeamClaims {
  const identity = () => {
    const found = coordination.identity();
    if (!found) throw new Error('Claims are only made in a team.');
    return found;
  };
  return {
    async claim(key) {
      const me = identity();
      // One statement: our insert, or the claim that was there.
      const rows = await coordination.query<{
        holder: string;
        holder_name: string;
        claimed_at: Date;
        done_at: Date | null;
      }>(
        `WITH inserted AS (
           INSERT INTO team_claims (key, holder, holder_name) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO NOTHING RETURNING holder, holder_name, claimed_at, done_at)
         SELECT * FROM inserted
         UNION ALL
         SELECT holder, holder_name, claimed_at, done_at FROM team_claims
         WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM inserted)`,
        [key, me.deviceId, me.displayName],
      );
      const row = rows[0];
      // Given up between our insert and our read: try again.
      if (!row) return this.claim(key);
      if (row.holder === me.deviceId) return { granted: true };
      return {
        granted: false,
        by: row.holder_name,
        claimedAt: row.claimed_at.toISOString(),
        doneAt: row.done_at?.toISOString() ?? null,
      };
    },
    async done(key) {
      const me = identity();
      await coordination.query(
        'UPDATE team_claims SET done_at = clock_timestamp() WHERE key = $1 AND holder = $2 AND done_at IS NULL',
        [key, me.deviceId],
      );
    },
    async giveUp(key) {
      const me = identity();
      await coordination.query('DELETE FROM team_claims WHERE key = $1 AND holder = $2 AND done_at IS NULL', [
        key,
        me.deviceId,
      ]);
    },
  };
}
