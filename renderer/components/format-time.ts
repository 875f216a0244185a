// Dates as account managers read them: local, short, and "3 days ago" for ages.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatAge(iso: string, now: Date = new Date()): string {
  const minutes = Math.round((new Date(iso).getTime() - now.getTime()) / 60_000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

// A compact date for dense tables: "12 Mar".
export function formatShortDate(iso: string): string {
  return shortDate.format(new Date(iso));
}

// Whole days between a moment and now: the queue's age column.
export function daysSince(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}

// Today as YYYY-MM-DD in the user's time zone: follow-up dates are calendar days.
export function todayIsoDate(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

const clockTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

// A time of day for "offline since 10:04".
export function formatClockTime(iso: string): string {
  return clockTime.format(new Date(iso));
}
