// Which customer records are the same customer. Two desktops may add one company while neither has seen the
// other's: their records share a team key (the default domain given at creation, or prefix.onmicrosoft.com,
// in lower case) and become one. A record whose author already had a customer with that key (made on the same
// desktop, or received before) is a deliberate second one and stays apart. Every desktop registers creations
// in PostgreSQL's order of arrival, so these decisions, which depend only on what came before, agree everywhere;
// the record the team had first remains, and the other's id becomes an alias of it.
import type { Database } from 'better-sqlite3';
import { creationCursorBase } from '../../platform/db/change-capture';
import type { DownloadedChange } from './team-change';

export interface SameCustomerMerge {
  // changeId: the merged-away record's creation, whose values give way to the customer the team had.
  from: { id: string; actor: string; hlc: string; changeId: string };
  into: { id: string; actor: string; hlc: string };
  teamKey: string;
}

function teamKeyOf(fields: Record<string, unknown>): string | null {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const prefix = text(fields.domain_prefix);
  const domain = text(fields.default_domain) || (prefix ? `${prefix}.onmicrosoft.com` : '');
  return domain ? domain.toLowerCase() : null;
}

// A record's first change carries the whole row; later ones only what changed (created_at never does).
export const isCreation = (change: DownloadedChange): boolean =>
  change.entity === 'customers' && 'created_at' in change.fields && 'kind' in change.fields;

interface Registered {
  customerId: string;
  actor: string;
  hlc: string;
}

export function sameCustomerRegistry(db: Database) {
  const aliasOf = db.prepare<[string], { id: string }>(
    'SELECT canonical_id AS id FROM team_customer_aliases WHERE alias_id = ?',
  );
  const registered = db.prepare<[string], { id: string }>(
    'SELECT customer_id AS id FROM team_customer_keys WHERE customer_id = ?',
  );
  const register = db.prepare(
    `INSERT INTO team_customer_keys (customer_id, team_key, seq, device_id, actor, hlc)
     VALUES (@customerId, @teamKey, @seq, @deviceId, @actor, @hlc)`,
  );
  // The customers already holding this key, each with its aliases, in the order the team got them; seen: the
  // new record's author had one of them (its own desktop made it, or its download cursor had passed it).
  const customersWithKey = db.prepare<
    { teamKey: string; deviceId: string; cursor: number },
    { canonical: string; seen: number }
  >(
    `SELECT coalesce(a.canonical_id, k.customer_id) AS canonical,
       max(k.device_id = @deviceId OR k.seq <= @cursor) AS seen, min(k.seq) AS first
     FROM team_customer_keys k LEFT JOIN team_customer_aliases a ON a.alias_id = k.customer_id
     WHERE k.team_key = @teamKey
     GROUP BY canonical ORDER BY first`,
  );
  const creationOf = db.prepare<[string], Registered>(
    'SELECT customer_id AS customerId, actor, hlc FROM team_customer_keys WHERE customer_id = ?',
  );

  return {
    // The record that stands for this id now (itself unless it was merged into another).
    resolve(id: string): string {
      return aliasOf.get(id)?.id ?? id;
    },
    // Registers a record's creation; says which customer it is the same as, if any.
    registerCreation(change: DownloadedChange): SameCustomerMerge | null {
      if (registered.get(change.rowId) || aliasOf.get(change.rowId)) return null;
      const teamKey = teamKeyOf(change.fields);
      if (teamKey === null) return null;
      // Records from before this rule, and those uploaded on joining, say nothing: their author had seen nothing.
      const cursor = Number(change.bases[creationCursorBase] ?? 0);
      const unseen = customersWithKey
        .all({ teamKey, deviceId: change.deviceId, cursor })
        .find((customer) => customer.seen === 0);
      register.run({
        customerId: change.rowId,
        teamKey,
        seq: change.seq,
        deviceId: change.deviceId,
        actor: change.actor,
        hlc: change.hlc,
      });
      if (!unseen) return null;
      const into = creationOf.get(unseen.canonical) as Registered;
      return {
        from: { id: change.rowId, actor: change.actor, hlc: change.hlc, changeId: change.id },
        into: { id: into.customerId, actor: into.actor, hlc: into.hlc },
        teamKey,
      };
    },
  };
}
