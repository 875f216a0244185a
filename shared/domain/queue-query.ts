// The queue's query language, shared by main (which runs it in SQLite) and the renderer (which builds it):
// filters, the sort, the window of rows asked for, and the row and page shapes that come back.
import { z } from 'zod';
import { customerKinds } from './customer';
import { customerStatuses } from './customer-status';

export const queueSortColumns = [
  'company',
  'defaultDomain',
  'reseller',
  'status',
  'linkSent',
  'lastVerified',
  'nextFollowUp',
  'owner',
  'age',
] as const;
export type QueueSortColumn = (typeof queueSortColumns)[number];

export const queueStatusFilters = [...customerStatuses, 'all', 'open'] as const;
export type QueueStatusFilter = (typeof queueStatusFilters)[number];

// 'due': a follow-up date today or earlier; 'none': no follow-up planned.
export const followUpFilters = ['any', 'due', 'none'] as const;
export type FollowUpFilter = (typeof followUpFilters)[number];

// The owner that means "whoever runs AuthDesk", so a saved view works for every account manager.
export const currentUserOwner = '@me';

const days = z.number().int().min(0).max(3650);

// Every field is required on the wire (a request says exactly what it asks for); stored views fill in defaults.
export const queueFilterSchema = z
  .object({
    search: z.string().max(200),
    status: z.enum(queueStatusFilters),
    // Exact reseller name; null for any reseller.
    reseller: z.string().max(200).nullable(),
    owner: z.string().max(200).nullable(),
    // At least this many days since the customer was added.
    minAgeDays: days.nullable(),
    // Nothing has happened to the customer for at least this many days.
    idleDays: days.nullable(),
    followUp: z.enum(followUpFilters),
  })
  .strict();
export type QueueFilter = z.output<typeof queueFilterSchema>;

export const queueSortSchema = z
  .object({ column: z.enum(queueSortColumns), direction: z.enum(['asc', 'desc']) })
  .strict();
export type QueueSort = z.output<typeof queueSortSchema>;

export const defaultQueueSort: QueueSort = { column: 'age', direction: 'desc' };
export const defaultQueueFilter: QueueFilter = {
  search: '',
  status: 'open',
  reseller: null,
  owner: null,
  minAgeDays: null,
  idleDays: null,
  followUp: 'any',
};

export const queueViewQuerySchema = z.object({ filter: queueFilterSchema, sort: queueSortSchema }).strict();
export type QueueViewQuery = z.output<typeof queueViewQuerySchema>;

// A view saved by an older AuthDesk may lack a filter added since: what is missing takes its default.
const storedViewQuerySchema = z.object({
  filter: queueFilterSchema.partial().default({}),
  sort: queueSortSchema.default(defaultQueueSort),
});
export function parseStoredViewQuery(stored: unknown): QueueViewQuery {
  const parsed = storedViewQuerySchema.parse(stored);
  return { filter: { ...defaultQueueFilter, ...parsed.filter }, sort: parsed.sort };
}

// One window of the sorted, filtered queue: never the whole list.
export const queueWindowRequestSchema = z
  .object({
    filter: queueFilterSchema,
    sort: queueSortSchema,
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500),
  })
  .strict();

export const queueRowSchema = z.object({
  id: z.string(),
  kind: z.enum(customerKinds),
  companyName: z.string(),
  // The default domain when known, else the initial prefix.onmicrosoft.com one.
  defaultDomain: z.string(),
  resellerName: z.string().nullable(),
  status: z.enum(customerStatuses),
  hasLink: z.boolean(),
  linkSentAt: z.string().nullable(),
  lastVerifiedAt: z.string().nullable(),
  nextFollowUp: z.string().nullable(),
  owner: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QueueRow = z.infer<typeof queueRowSchema>;

export const statusCountsSchema = z.record(z.enum(customerStatuses), z.number().int());
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const queueWindowSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(queueRowSchema),
  // Per status, under every filter but the status one: the numbers on the status tabs.
  counts: statusCountsSchema,
});
export type QueueWindow = z.infer<typeof queueWindowSchema>;

export const queueFacetsSchema = z.object({
  resellers: z.array(z.string()),
  owners: z.array(z.string()),
  currentUser: z.string(),
});
export type QueueFacets = z.infer<typeof queueFacetsSchema>;

// shared: saved for the team (every member sees, changes and can delete it); createdBy: who saved a shared one.
export const savedViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  builtIn: z.boolean(),
  shared: z.boolean(),
  createdBy: z.string().nullable(),
  query: queueViewQuerySchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewNameSchema = z
  .string()
  .trim()
  .min(1, 'Name the view.')
  .max(60, 'A view name has at most 60 characters.');
