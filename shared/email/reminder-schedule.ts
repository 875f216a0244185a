// When a customer's reminders fall due: N days after the link was first handed over, unless the customer
// authorized (or is finished), the reminder was already sent, or the user snoozed them.
import type { CustomerStatus } from '../domain/customer-status';

export interface ReminderState {
  status: CustomerStatus;
  // When the link first left AuthDesk (copied, mailed, opened in the mail client); null: never.
  linkSentAt: string | null;
  reminderDays: number[];
  // Reminder numbers (1-based, in reminderDays order) already sent.
  sentSteps: number[];
  snoozedUntil: string | null;
}

export interface ScheduledReminder {
  step: number;
  dueAt: string;
  sent: boolean;
}

const dayMs = 24 * 60 * 60 * 1000;

// Only customers still waiting for the customer to accept get reminders.
export const remindableStatuses: readonly CustomerStatus[] = ['sent', 'needs-attention'];

export function reminderSchedule(state: ReminderState): ScheduledReminder[] {
  if (state.linkSentAt === null) return [];
  const sentAt = Date.parse(state.linkSentAt);
  return state.reminderDays.map((days, index) => ({
    step: index + 1,
    dueAt: new Date(sentAt + days * dayMs).toISOString(),
    sent: state.sentSteps.includes(index + 1),
  }));
}

// The reminder to send now, if any: the latest one due and not sent (older missed ones are not sent twice in
// a row: one reminder per customer per day is plenty). The due list asks this of every waiting customer, so
// only the reminder chosen gets its date written out; it is the schedule's own entry for that step.
export function dueReminder(state: ReminderState, now: Date): ScheduledReminder | null {
  if (!remindableStatuses.includes(state.status)) return null;
  if (state.snoozedUntil !== null && Date.parse(state.snoozedUntil) > now.getTime()) return null;
  if (state.linkSentAt === null) return null;
  const sentAt = Date.parse(state.linkSentAt);
  // The latest in the schedule's order whose time has come.
  let latest = -1;
  state.reminderDays.forEach((days, index) => {
    if (sentAt + days * dayMs <= now.getTime()) latest = index;
  });
  const days = state.reminderDays[latest];
  if (days === undefined || state.sentSteps.includes(latest + 1)) return null;
  return { step: latest + 1, dueAt: new Date(sentAt + days * dayMs).toISOString(), sent: false };
}
