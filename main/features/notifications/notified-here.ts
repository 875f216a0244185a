// Which desktop shows the notification when a customer authorizes. Alone, this one. In a team, the customer's
// owner's desktop (the owner named as the team knows this desktop's user, or as their sign-in name); a customer
// nobody owns notifies the desktop that verified it. Every desktop still counts it on the badge and shows it in
// the timeline: only the notification, which interrupts, is for one person.
import type { Database } from 'better-sqlite3';
import { teamSettings } from '../team/team-local-state';
export interface NotificationAudience {
  inTeam: boolean;
  // The customer's owner (tracking), as typed.
  owner: string;
  // The names this desktop's user goes by: the team's display name, the OS user name.
  names: readonly string[];
  // Verified on another desktop of the team (learnt from the sync).
  byTeam: boolean;
}

const normalized = (name: string) => name.trim().toLocaleLowerCase();

export function notifiedHere({ inTeam, owner, names, byTeam }: NotificationAudience): boolean {
  if (!inTeam) return true;
  const ownedBy = normalized(owner);
  if (ownedBy === '') return !byTeam;
  return names.some((name) => normalized(name) === ownedBy);
}

export function notificationAudience(
  db: Database,
  actor: string,
  notice: { customerId: string; byTeam?: boolean | undefined },
): NotificationAudience {
  const team = teamSettings(db);
  return {
    inTeam: team !== null,
    // The owner column alone (the queue's tracking), read here so the shell's hook needs no service.
    owner:
      (db.prepare('SELECT owner FROM customers WHERE id = ?').get(notice.customerId) as { owner: string } | undefined)
        ?.owner ?? '',
    names: [actor, ...(team ? [team.displayName] : [])],
    byTeam: notice.byTeam === true,
  };
}
