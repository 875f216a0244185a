// GDAP durations: ISO 8601 periods (P1D..P2Y) turned into days and end dates, the way AuthDesk and the
// simulator both check them.

export const minDurationDays = 1;
// Two years: Microsoft's maximum for a GDAP relationship.
export const maxDurationDays = 730;

// Days in an ISO 8601 date period (PnYnMnWnD; a year counts 365 days, a month 30), or null when unreadable.
export function durationDays(iso: string): number | null {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso.trim());
  if (!match || iso.trim() === 'P') return null;
  const [, years, months, weeks, days] = match;
  return Number(years ?? 0) * 365 + Number(months ?? 0) * 30 + Number(weeks ?? 0) * 7 + Number(days ?? 0);
}

export function isValidGdapDuration(iso: string): boolean {
  const days = durationDays(iso);
  return days !== null && days >= minDurationDays && days <= maxDurationDays;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
