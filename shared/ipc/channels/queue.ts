// The channels of the queue workspace: windows of the sorted, filtered queue, saved views, a customer's
// owner/follow-up/notes, and the bulk actions (change tracking, archive, copy links), whose operationId comes
// from the renderer so it can follow the operationProgress events.
import { z } from 'zod';
import { bulkItemResultSchema, customerTrackingSchema, trackingChangeSchema } from '../../domain/customer-tracking';
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
import { bulkCustomerIds, customerId, noArguments, operationId } from '../ids';

export const queueChannels = {
  queryQueue: { request: queueWindowRequestSchema, response: queueWindowSchema },
  queryQueueIds: {
    // offset and limit: only the ids of those rows (a shift-click range), not every match.
    request: z
      .object({
        filter: queueFilterSchema,
        sort: queueSortSchema,
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(100_000).optional(),
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
    request: z.object({ customerIds: bulkCustomerIds, operationId, change: trackingChangeSchema }).strict(),
    response: z.array(bulkItemResultSchema),
  },
  archiveCustomers: {
    request: z.object({ customerIds: bulkCustomerIds, operationId }).strict(),
    response: z.array(bulkItemResultSchema),
  },
  getAuthorizationLinks: {
    request: z.object({ customerIds: bulkCustomerIds }).strict(),
    response: z.array(
      z.object({
        customerId: z.string(),
        companyName: z.string(),
        contactEmail: z.string(),
        link: z.string().nullable(),
      }),
    ),
  },
  recordLinksCopied: {
    request: z.object({ customerIds: bulkCustomerIds, operationId }).strict(),
    response: z.array(bulkItemResultSchema),
  },
} as const satisfies Channels;
