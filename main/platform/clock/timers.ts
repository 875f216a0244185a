// The timer the background parts of main schedule with (outbox worker, connectivity probe, re-verification,
// GDAP follower): injectable, so tests drive time by hand and run instantly instead of waiting real minutes.
export type TimerHandle = { cancel(): void };

// A callback may return the promise of the work it starts: real timers ignore it, a hand-driven clock awaits
// it, so a test knows the work is over without guessing how many turns it takes.
export type TimerCallback = () => void | Promise<unknown>;

export interface Timers {
  after(ms: number, run: TimerCallback): TimerHandle;
}

export const realTimers: Timers = {
  after(ms, run) {
    const timer = setTimeout(() => void run(), Math.max(0, ms));
    // Background work never keeps a CLI run or a test process alive on its own.
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
