// A clock and timers driven by hand, for the outbox worker, connectivity probe and background re-verification:
// tests move time forward in one call instead of waiting real minutes.
import type { Timers } from '../../main/platform/clock/timers';

export interface ManualClock {
  now: () => Date;
  timers: Timers;
  // Moves time forward, running every timer that falls due on the way (in order), and lets promises settle.
  advance(ms: number): Promise<void>;
  pending(): number;
}

export const settle = async (rounds = 20): Promise<void> => {
  for (let round = 0; round < rounds; round += 1) await new Promise<void>((resolve) => setImmediate(resolve));
};

export function manualClock(start = new Date('2026-03-02T09:00:00.000Z')): ManualClock {
  let at = start.getTime();
  let nextId = 1;
  const scheduled = new Map<number, { due: number; run: () => void }>();
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
      const end = at + ms;
      await settle();
      for (;;) {
        const next = [...scheduled.entries()]
          .filter(([, timer]) => timer.due <= end)
          .sort((a, b) => a[1].due - b[1].due || a[0] - b[0])[0];
        if (!next) break;
        scheduled.delete(next[0]);
        at = Math.max(at, next[1].due);
        next[1].run();
        await settle();
      }
      at = end;
      await settle();
    },
    pending: () => scheduled.size,
  };
}
