// The polite background schedule: every 10 minutes in the first hour after sending, hourly for the first day,
// then daily, each within its jitter.
import { describe, expect, it } from 'vitest';
import {
  nextCheckDelayMs,
  politeSchedule,
} from '../../../../main/features/verification/background-verification-schedule';

const sentAt = new Date('2026-03-02T09:00:00.000Z');
const after = (ms: number) => new Date(sentAt.getTime() + ms);
const minute = 60_000;
const hour = 60 * minute;

describe('background re-verification schedule', () => {
  it('checks every 10 minutes in the first hour, hourly for a day, then daily', () => {
    const middle = () => 0.5;
    expect(nextCheckDelayMs(sentAt, after(0), politeSchedule, middle)).toBe(10 * minute);
    expect(nextCheckDelayMs(sentAt, after(59 * minute), politeSchedule, middle)).toBe(10 * minute);
    expect(nextCheckDelayMs(sentAt, after(hour), politeSchedule, middle)).toBe(hour);
    expect(nextCheckDelayMs(sentAt, after(23 * hour), politeSchedule, middle)).toBe(hour);
    expect(nextCheckDelayMs(sentAt, after(24 * hour), politeSchedule, middle)).toBe(24 * hour);
    expect(nextCheckDelayMs(sentAt, after(30 * 24 * hour), politeSchedule, middle)).toBe(24 * hour);
  });

  it('spreads checks by up to 10 % either way', () => {
    expect(nextCheckDelayMs(sentAt, after(0), politeSchedule, () => 0)).toBe(9 * minute);
    expect(nextCheckDelayMs(sentAt, after(0), politeSchedule, () => 1)).toBe(11 * minute);
    const delays = Array.from({ length: 200 }, () => nextCheckDelayMs(sentAt, after(2 * hour)));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0.9 * hour);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1.1 * hour);
    expect(new Set(delays).size).toBeGreaterThan(1);
  });
});
