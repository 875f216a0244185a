// The polite schedule of background re-verification for a customer in Sent: every 10 minutes in the first hour
// after the link was sent, then hourly for the first day, then daily, each with jitter so that many customers
// sent together do not all reach Partner Center in the same second (Microsoft asks not to poll aggressively).
// Kept as data so the browser harness can run the same schedule at test speed.
export interface BackgroundSchedule {
  firstHourEveryMs: number;
  firstDayEveryMs: number;
  laterEveryMs: number;
  // Fraction of the interval each check may move early or late (0.1 = +/- 10 %).
  jitter: number;
}

const minute = 60_000;
const hour = 60 * minute;

export const politeSchedule: BackgroundSchedule = {
  firstHourEveryMs: 10 * minute,
  firstDayEveryMs: hour,
  laterEveryMs: 24 * hour,
  jitter: 0.1,
};

// How long after `at` the next background check of a customer sent at `sentAt` is due.
export function nextCheckDelayMs(
  sentAt: Date,
  at: Date,
  schedule: BackgroundSchedule = politeSchedule,
  random: () => number = Math.random,
): number {
  const age = at.getTime() - sentAt.getTime();
  const every =
    age < hour ? schedule.firstHourEveryMs : age < 24 * hour ? schedule.firstDayEveryMs : schedule.laterEveryMs;
  return Math.max(1, Math.round(every * (1 + schedule.jitter * (2 * random() - 1))));
}
