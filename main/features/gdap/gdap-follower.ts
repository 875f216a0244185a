// Background following of GDAP requests: every so often (politely, Microsoft advises against aggressive
// polling) the relationships still awaiting the customer's approval are read again from Graph, so the status
// turns active (or expired) on the customer's timeline without anyone clicking Refresh.
import type { GdapService } from './gdap-service';

export const gdapFollowEveryMs = 15 * 60_000;

export interface GdapFollowerOptions {
  everyMs?: number;
  // Skips a turn while Partner Center (and so Microsoft) is unreachable.
  online: () => boolean;
}

export function startGdapFollower(gdap: Pick<GdapService, 'followAwaiting'>, options: GdapFollowerOptions): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || !options.online()) return;
    running = true;
    gdap
      .followAwaiting()
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, options.everyMs ?? gdapFollowEveryMs);
  // The follower alone must not keep the process (or a test run) alive.
  timer.unref();
  return () => clearInterval(timer);
}
