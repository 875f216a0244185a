// The conversion report a sales team reads: the funnel (added, link sent, authorized, checked out), the time
// from link sent to authorized, breakdowns by owner, reseller and week of creation, and the stalled customers.
// Every figure is computed in SQL in main; these schemas are what crosses the bridge.
import { z } from 'zod';
import { customerStatuses } from './customer-status';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');

// Whose customers: "me", the ones the user owns; "team", everyone's (in a team, all members'; otherwise every
// customer on this desktop).
export const reportScopes = ['me', 'team'] as const;
export type ReportScope = (typeof reportScopes)[number];

// Customers created between from and to (both inclusive, UTC days); null leaves that end open.
export const reportFilterSchema = z
  .object({
    from: isoDate.nullable(),
    to: isoDate.nullable(),
    stalledDays: z.number().int().min(1, 'Stalled means at least 1 day.').max(365),
    scope: z.enum(reportScopes).default('team'),
  })
  .strict()
  .refine((filter) => filter.from === null || filter.to === null || filter.from <= filter.to, {
    message: 'The start date must be on or before the end date.',
    path: ['to'],
  });
export type ReportFilter = z.infer<typeof reportFilterSchema>;

export const stalledLimit = 200;

export const funnelSteps = ['added', 'sent', 'authorized', 'checkedOut'] as const;
export type FunnelStep = (typeof funnelSteps)[number];
export const funnelStepLabels: Record<FunnelStep, string> = {
  added: 'Added',
  sent: 'Link sent',
  authorized: 'Authorized',
  checkedOut: 'Checked out',
};

// How many customers reached each step (a later step counts as having passed the earlier ones).
export const funnelCountsSchema = z.object({
  added: z.number().int(),
  sent: z.number().int(),
  authorized: z.number().int(),
  checkedOut: z.number().int(),
});
export type FunnelCounts = z.infer<typeof funnelCountsSchema>;

// Seconds from the first hand-off of the link to the first passed verification.
export const timeToAuthorizeSchema = z.object({
  count: z.number().int(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});
export type TimeToAuthorize = z.infer<typeof timeToAuthorizeSchema>;

export const breakdownRowSchema = funnelCountsSchema.extend({ key: z.string(), label: z.string() });
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const stalledCustomerSchema = z.object({
  customerId: z.string(),
  companyName: z.string(),
  owner: z.string(),
  resellerName: z.string().nullable(),
  status: z.enum(customerStatuses),
  sentAt: z.string(),
  daysSinceSent: z.number().int(),
});
export type StalledCustomer = z.infer<typeof stalledCustomerSchema>;

export const conversionReportSchema = z.object({
  // owner: who "me" is (the owner the report was narrowed to), null for everyone's.
  filter: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    stalledDays: z.number().int(),
    scope: z.enum(reportScopes),
    owner: z.string().nullable(),
  }),
  generatedAt: z.string(),
  funnel: funnelCountsSchema,
  timeToAuthorize: timeToAuthorizeSchema,
  byOwner: z.array(breakdownRowSchema),
  byReseller: z.array(breakdownRowSchema),
  byWeek: z.array(breakdownRowSchema),
  // The longest-waiting first, at most stalledLimit of them; stalledTotal counts them all.
  stalled: z.array(stalledCustomerSchema),
  stalledTotal: z.number().int(),
});
export type ConversionReport = z.infer<typeof conversionReportSchema>;

// Share of the previous step that reached this one, as a fraction (null when the previous step is empty).
export function stepConversion(counts: FunnelCounts, step: FunnelStep): number | null {
  const index = funnelSteps.indexOf(step);
  if (index <= 0) return null;
  const previous = counts[funnelSteps[index - 1] as FunnelStep];
  return previous === 0 ? null : counts[step] / previous;
}

export function formatPercent(fraction: number | null): string {
  return fraction === null ? '–' : `${(fraction * 100).toFixed(1)} %`;
}

// 90061 s -> "1 d 1 h 1 min"; short and readable in a table cell.
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '–';
  const minutes = Math.round(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days > 0 ? `${days} d` : '',
    hours > 0 ? `${hours} h` : '',
    rest > 0 || minutes === 0 ? `${rest} min` : '',
  ];
  return parts.filter((part) => part !== '').join(' ');
}
