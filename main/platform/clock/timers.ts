// The timer the background parts of main schedule with (outbox worker, connectivity probe, re-verification):
// injectable, so tests drive time by hand and run instantly instead of waiting real minutes.
export type TimerHandle = { cancel(): void };

export interface Timers {
  after(ms: number, run: () => void): TimerHandle;
}

export const realTimers: Timers = {
  after(ms, run) {
    const timer = setTimeout(run, Math.max(0, ms));
    // Background work never keeps a CLI run or a test process alive on its own.
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
