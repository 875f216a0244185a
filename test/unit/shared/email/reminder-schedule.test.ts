// Reminder timing: N days after the link was handed over, one at a time, not while snoozed, never after the
// customer authorized, never twice.
import { describe, expect, it } from 'vitest';
import { parseReminderDays } from '../../../../shared/email/email-settings';
import { dueReminder, reminderSchedule, type ReminderState } from '../../../../shared/email/reminder-schedule';

const sent = '2026-03-02T09:00:00.000Z';
const state = (overrides: Partial<ReminderState> = {}): ReminderState => ({
  status: 'sent',
  linkSentAt: sent,
  reminderDays: [3, 7],
  sentSteps: [],
  snoozedUntil: null,
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('reminder schedule', () => {
  it('falls due 3 and 7 days after the link was sent', () => {
    expect(reminderSchedule(state()).map((reminder) => reminder.dueAt)).toEqual([
      '2026-03-05T09:00:00.000Z',
      '2026-03-09T09:00:00.000Z',
    ]);
    expect(dueReminder(state(), at('2026-03-05T08:59:59.000Z'))).toBeNull();
    expect(dueReminder(state(), at('2026-03-05T09:00:00.000Z'))?.step).toBe(1);
    expect(dueReminder(state({ sentSteps: [1] }), at('2026-03-06T09:00:00.000Z'))).toBeNull();
    expect(dueReminder(state({ sentSteps: [1] }), at('2026-03-09T10:00:00.000Z'))?.step).toBe(2);
    expect(dueReminder(state({ sentSteps: [1, 2] }), at('2026-04-01T10:00:00.000Z'))).toBeNull();
  });

  it('sends only the latest missed reminder', () => {
    expect(dueReminder(state(), at('2026-03-20T09:00:00.000Z'))?.step).toBe(2);
  });

  it('stops once the customer authorized, and waits out a snooze', () => {
    const late = at('2026-03-06T09:00:00.000Z');
    for (const status of ['authorized', 'checked-out', 'archived', 'link-ready', 'draft'] as const) {
      expect(dueReminder(state({ status }), late), status).toBeNull();
    }
    expect(dueReminder(state({ snoozedUntil: '2026-03-07T00:00:00.000Z' }), late)).toBeNull();
    expect(dueReminder(state({ snoozedUntil: '2026-03-06T00:00:00.000Z' }), late)?.step).toBe(1);
    expect(dueReminder(state({ linkSentAt: null }), late)).toBeNull();
  });

  it('picks the very reminder its schedule lists as the latest due, for every order of days and steps sent', () => {
    // The schedule's own reading of "the latest due and not sent", which dueReminder gives without listing it.
    const fromSchedule = (given: ReminderState, now: Date) => {
      const due = reminderSchedule(given).filter((reminder) => Date.parse(reminder.dueAt) <= now.getTime());
      const latest = due.at(-1);
      return latest && !latest.sent ? latest : null;
    };
    const schedules = [[], [3], [3, 7], [7, 3], [1, 3, 7, 14], [14, 1, 7], [2, 2]];
    const sentSets = [[], [1], [2], [1, 2], [3], [1, 2, 3, 4]];
    let compared = 0;
    for (const reminderDays of schedules)
      for (const sentSteps of sentSets)
        for (let hours = -1; hours <= 16 * 24; hours += 7) {
          const now = new Date(Date.parse(sent) + hours * 3_600_000);
          const given = state({ reminderDays, sentSteps });
          expect(dueReminder(given, now), `${reminderDays.join()} sent ${sentSteps.join()} +${hours}h`).toEqual(
            fromSchedule(given, now),
          );
          compared++;
        }
    expect(compared).toBeGreaterThan(2000);
  });

  it('parses the days a user types', () => {
    expect(parseReminderDays('7, 3 3')).toEqual({ days: [3, 7] });
    expect(parseReminderDays('')).toEqual({ days: [] });
    expect(parseReminderDays('3, soon')).toMatchObject({ error: expect.stringMatching(/whole numbers/) });
    expect(parseReminderDays('0')).toMatchObject({ error: expect.stringMatching(/at least 1 day/) });
  });
});
