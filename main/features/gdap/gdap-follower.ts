// Background following of GDAP requests: every so often (politely, Microsoft advises against aggressive
// polling) the relationships still awaiting the customer's approval are read again from Graph, so the status
// turns active (or expired) on the customer's timeline without anyone clicking Refresh.
import { realTimers, type TimerHandle, type Timers } from '../../platform/clock/timers';
import type { GdapService } from './gdap-service';

export const gdapFollowEveryMs = 15 * 60_000;

export interface GdapFollowerOptions {
  everyMs?: number;
  // Skips a turn while Partner Center (and so Microsoft) is unreachable.
  online: () => boolean;
  // Injectable so tests drive the beat by hand and await each turn.
  timers?: Timers;
}

export function startGdapFollower(gdap: Pick<GdapService, 'followAwaiting'>, options: GdapFollowerOptions): () => void {
  const timers = options.timers ?? realTimers;
  const everyMs = options.everyMs ?? gdapFollowEveryMs;
  let running = false;
  let stopped = false;
  let timer: TimerHandle | null = null;

  // A fixed beat, as an interval: the next turn is booked before this one runs, and a turn that comes while
  // the previous one is still reading Graph is skipped.
  function beat(): Promise<void> | undefined {
    if (stopped) return undefined;
    timer = timers.after(everyMs, beat);
    if (running || !options.online()) return undefined;
    running = true;
    // The turn's promise goes back to the timers: a hand-driven clock awaits it (real timers ignore it).
    return gdap
      .followAwaiting()
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }

  timer = timers.after(everyMs, beat);
  return () => {
    stopped = true;
    timer?.cancel();
    timer = null;
  };
}
