// The channels of the queue workspace: windows of the sorted, filtered queue, saved views, a customer's
// owner/follow-up/notes, and the bulk actions (change tracking, archive, copy links), whose operationId comes
// from the renderer so it can follow the operationProgress events.
import { z } from 'zod';
import { customerTrackingSchema, trackingChangeSchema } from '../../domain/customer-tracking';
import { bulkNotDoneSchema, bulkSummarySchema } from '../../domain/bulk-summary';
import { customerSelectionSchema } from '../../domain/customer-selection';
import {
  queueFacetsSchema,
  queueFilterSchema,
  queueSortSchema,
  queueViewQuerySchema,
  queueWindowRequestSchema,
  queueWindowSchema,
  savedViewNameSchema,
  savedViewSchema,
} from '../../domain/queue-query';
import type { Channels } from '../channel';
import { customerId, noArguments, operationId } from '../ids';

export const queueChannels = {
  queryQueue: { request: queueWindowRequestSchema, response: queueWindowSchema },
  queryQueueIds: {
    // Only the ids of those rows (a shift-click range); "select all matching" sends the filter instead.
    request: z
      .object({
        filter: queueFilterSchema,
        sort: queueSortSchema,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(100_000),
      })
      .strict(),
    response: z.array(z.string()),
  },
  getQueueFacets: { request: noArguments, response: queueFacetsSchema },
  listSavedViews: { request: noArguments, response: z.array(savedViewSchema) },
  saveView: {
    request: z
      .object({ name: savedViewNameSchema, query: queueViewQuerySchema, shared: z.boolean().optional() })
      .strict(),
    response: savedViewSchema,
  },
  deleteSavedView: { request: z.object({ id: z.number().int() }).strict(), response: z.object({}) },
  getCustomerTracking: { request: z.object({ customerId }).strict(), response: customerTrackingSchema },
  updateCustomerTracking: {
    request: z.object({ customerId, tracking: customerTrackingSchema.strict() }).strict(),
    response: customerTrackingSchema,
  },
  changeCustomersTracking: {
    request: z.object({ selection: customerSelectionSchema, operationId, change: trackingChangeSchema }).strict(),
    response: bulkSummarySchema,
  },
  archiveCustomers: {
    request: z.object({ selection: customerSelectionSchema, operationId }).strict(),
    response: bulkSummarySchema,
  },
  // Copying links is two steps, as the clipboard is the renderer's: main builds the text (one line per
  // customer with a link: company, email, link, tab-separated for a spreadsheet) and keeps who is in it under
  // the operation; once the text is on the clipboard, recordLinksCopied records exactly those customers.
  prepareLinksCopy: {
    request: z.object({ selection: customerSelectionSchema, operationId }).strict(),
    response: z.object({
      text: z.string(),
      withLink: z.number().int(),
      // Customers without a link yet (the first few), and how many there are.
      withoutLinkCount: z.number().int(),
      withoutLink: z.array(bulkNotDoneSchema),
    }),
  },
  recordLinksCopied: {
    request: z.object({ operationId }).strict(),
    response: bulkSummarySchema,
  },
} as const satisfies Channels;
