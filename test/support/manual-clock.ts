// A clock and timers driven by hand, for the outbox worker, connectivity probe, background re-verification and
// GDAP follower: tests move time forward in one call instead of waiting real minutes. Every timer callback's
// promise (the probe, the verification pass) is awaited before time moves on, so when advance() resolves the
// work those timers started is over, however long its real I/O took.
import type { TimerCallback, Timers } from '../../main/platform/clock/timers';

export interface ManualClock {
  now: () => Date;
  timers: Timers;
  // Moves time forward, running every timer that falls due on the way (in order, including timers the work
  // schedules that fall due before the end) and awaiting the work each one returns.
  advance(ms: number): Promise<void>;
  pending(): number;
}

export function manualClock(start = new Date('2026-03-02T09:00:00.000Z')): ManualClock {
  let at = start.getTime();
  let nextId = 1;
  const scheduled = new Map<number, { due: number; run: TimerCallback }>();
  let advancing = false;
  return {
    now: () => new Date(at),
    timers: {
      after(ms, run) {
        const id = nextId++;
        scheduled.set(id, { due: at + Math.max(0, ms), run });
        return { cancel: () => scheduled.delete(id) };
      },
    },
    async advance(ms) {
      // Two advances at once would interleave their timers and move time backwards.
      if (advancing) throw new Error('manualClock.advance() is already running; await it first.');
      advancing = true;
      try {
        const end = at + ms;
        for (;;) {
          const next = [...scheduled.entries()]
            .filter(([, timer]) => timer.due <= end)
            .sort((a, b) => a[1].due - b[1].due || a[0] - b[0])[0];
          if (!next) break;
          scheduled.delete(next[0]);
          at = Math.max(at, next[1].due);
          await next[1].run();
        }
        at = end;
      } finally {
        advancing = false;
      }
    },
    pending: () => scheduled.size,
  };
}
