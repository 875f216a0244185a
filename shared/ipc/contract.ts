// The IPC contract, the one source of truth for every channel between renderer and main:
// request and response schemas per method, and the push events main sends.
// main parses every request with these schemas; preload exposes one method per entry; the renderer
// gets full types from IpcApi.
import { z } from 'zod';
import { partnerProfileSchema } from '../domain/partner-profile';
import { customerSchema, serviceDetailsSchema } from '../domain/customer';
import { customerEventSchema } from '../domain/customer-event';
import { resellerSchema } from '../domain/reseller';
import { verificationOutcomes, verificationResultSchema } from '../domain/verification';
import { signInSettingsSchema, signInStatusSchema } from '../domain/partner-center-sign-in';
import { customerStatuses } from '../domain/customer-status';
import { domainNameSchema } from '../domain/validation';
import type { IpcResult } from './ipc-error';
import { emailContract } from '../email/email-contract';
import { reportsContract } from './reports-contract';
import { offlineContract } from './offline-contract';
import { gdapContract } from './gdap-contract';
import {
  queueFacetsSchema,
  queueFilterSchema,
  queueSortSchema,
  queueViewQuerySchema,
  queueWindowRequestSchema,
  queueWindowSchema,
  savedViewNameSchema,
  savedViewSchema,
} from '../domain/queue-query';
import { bulkItemResultSchema, customerTrackingSchema, trackingChangeSchema } from '../domain/customer-tracking';

const customerId = z.string().min(1).max(64);
const empty = z.object({}).strict();
const bulkIds = z.array(customerId).min(1, 'Select at least one customer.').max(100_000);
const operationId = z.string().min(1).max(64);

export const handOffChannels = ['copy-link', 'copy-instructions', 'mail-client'] as const;
export type HandOffChannel = (typeof handOffChannels)[number];

export const appInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['sandbox', 'production']),
  dataDir: z.string(),
  partnerCenterUrl: z.string(),
  keychain: z.object({ available: z.boolean(), message: z.string().nullable() }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const customerDetailSchema = z.object({
  customer: customerSchema,
  events: z.array(customerEventSchema),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const instructionsSchema = z.object({
  link: z.string(),
  subject: z.string(),
  body: z.string(),
  mailtoTooLong: z.boolean(),
});
export type Instructions = z.infer<typeof instructionsSchema>;

export const contract = {
  getAppInfo: { request: empty, response: appInfoSchema },
  getPartnerProfile: { request: empty, response: z.object({ profile: partnerProfileSchema.nullable() }) },
  savePartnerProfile: { request: partnerProfileSchema.strict(), response: partnerProfileSchema },
  listResellers: { request: empty, response: z.array(resellerSchema) },
  refreshResellers: { request: empty, response: z.array(resellerSchema) },
  listCustomers: {
    request: z
      .object({
        search: z.string().max(200).optional(),
        status: z.enum([...customerStatuses, 'all', 'open']).optional(),
      })
      .strict(),
    response: z.array(customerSchema),
  },
  getCustomer: { request: z.object({ customerId }).strict(), response: customerDetailSchema },
  createCustomer: {
    request: serviceDetailsSchema.strict(),
    response: z.object({ detail: customerDetailSchema, linkError: z.string().nullable() }),
  },
  updateCustomer: {
    request: z.object({ customerId, details: serviceDetailsSchema.strict() }).strict(),
    response: customerDetailSchema,
  },
  requestAuthorizationLink: { request: z.object({ customerId }).strict(), response: customerDetailSchema },
  getInstructions: { request: z.object({ customerId }).strict(), response: instructionsSchema },
  recordHandOff: {
    request: z.object({ customerId, channel: z.enum(handOffChannels) }).strict(),
    response: customerDetailSchema,
  },
  openMailClient: {
    request: z.object({ customerId }).strict(),
    response: z.object({ detail: customerDetailSchema, opened: z.boolean() }),
  },
  verifyAuthorization: {
    request: z.object({ customerId, defaultDomain: domainNameSchema }).strict(),
    response: z.object({ detail: customerDetailSchema, result: verificationResultSchema }),
  },
  checkOut: {
    request: z
      .object({
        customerId,
        orderReference: z
          .string()
          .trim()
          .min(1, 'Enter the order reference.')
          .max(100, 'An order reference has at most 100 characters.'),
      })
      .strict(),
    response: customerDetailSchema,
  },
  archiveCustomer: { request: z.object({ customerId }).strict(), response: customerDetailSchema },
  // Connect to Partner Center (App+User sign-in with MSAL): signed in means production mode.
  getSignInStatus: { request: empty, response: signInStatusSchema },
  saveSignInSettings: { request: signInSettingsSchema.strict(), response: signInStatusSchema },
  signIn: { request: empty, response: signInStatusSchema },
  signOut: { request: empty, response: signInStatusSchema },
  // Verify many (Partner Center issue): the given customers, or every one in Sent / Needs attention.
  verifyCustomers: {
    request: z
      .object({ customerIds: z.array(customerId).max(10_000).optional(), all: z.boolean().optional() })
      .strict()
      .refine((request) => request.all === true || (request.customerIds?.length ?? 0) > 0, {
        message: 'Choose the customers to verify, or verify all.',
        path: ['customerIds'],
      }),
    response: z.object({
      operationId: z.string(),
      results: z.array(
        z.union([
          z.object({ customerId: z.string(), outcome: z.enum(verificationOutcomes) }),
          z.object({ customerId: z.string(), error: z.object({ code: z.string(), message: z.string() }) }),
        ]),
      ),
    }),
  },
  // The queue workspace (issue 4): windows of the sorted, filtered queue, saved views, owner/follow-up/notes,
  // and the bulk actions; operationId comes from the renderer so it can follow the operationProgress events.
  queryQueue: { request: queueWindowRequestSchema, response: queueWindowSchema },
  queryQueueIds: {
    request: z.object({ filter: queueFilterSchema, sort: queueSortSchema }).strict(),
    response: z.array(z.string()),
  },
  getQueueFacets: { request: empty, response: queueFacetsSchema },
  listSavedViews: { request: empty, response: z.array(savedViewSchema) },
  saveView: {
    request: z.object({ name: savedViewNameSchema, query: queueViewQuerySchema }).strict(),
    response: savedViewSchema,
  },
  deleteSavedView: { request: z.object({ id: z.number().int() }).strict(), response: z.object({}) },
  getCustomerTracking: { request: z.object({ customerId }).strict(), response: customerTrackingSchema },
  updateCustomerTracking: {
    request: z.object({ customerId, tracking: customerTrackingSchema.strict() }).strict(),
    response: customerTrackingSchema,
  },
  changeCustomersTracking: {
    request: z.object({ customerIds: bulkIds, operationId, change: trackingChangeSchema }).strict(),
    response: z.array(bulkItemResultSchema),
  },
  archiveCustomers: {
    request: z.object({ customerIds: bulkIds, operationId }).strict(),
    response: z.array(bulkItemResultSchema),
  },
  getAuthorizationLinks: {
    request: z.object({ customerIds: bulkIds }).strict(),
    response: z.array(z.object({ customerId: z.string(), companyName: z.string(), link: z.string().nullable() })),
  },
  recordLinksCopied: {
    request: z.object({ customerIds: bulkIds, operationId }).strict(),
    response: z.array(bulkItemResultSchema),
  },
  sandboxAcceptInvitation: {
    request: z
      .object({
        customerId,
        grantDelegatedAdmin: z.boolean(),
        associateReseller: z.boolean(),
        customDefaultDomain: domainNameSchema.nullable(),
      })
      .strict(),
    response: customerDetailSchema,
  },
  // Email hand-off and follow-ups (issue 5): shared/email/email-contract.ts.
  ...emailContract(customerDetailSchema),
  // Conversion reports, CSV export and import (issue 7): shared/ipc/reports-contract.ts.
  ...reportsContract,
  // Offline-first work, the outbox and connectivity (issue 6): shared/ipc/offline-contract.ts.
  ...offlineContract(customerDetailSchema),
  // GDAP relationships and role templates (issue 8): shared/ipc/gdap-contract.ts.
  ...gdapContract(customerDetailSchema),
  // Help: diagnostics for support (redacted) and the logs folder.
  getDiagnostics: { request: empty, response: z.object({ text: z.string(), logFile: z.string() }) },
  openLogsFolder: { request: empty, response: z.object({ opened: z.boolean() }) },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type RequestOf<M extends Method> = z.input<Contract[M]['request']>;
export type ParsedRequestOf<M extends Method> = z.output<Contract[M]['request']>;
export type ResponseOf<M extends Method> = z.output<Contract[M]['response']>;

export const methods = Object.keys(contract) as Method[];
export const channelOf = (method: Method): string => `authdesk:${method}`;

// Push events from main to the renderer.
export const pushEvents = {
  customerChanged: z.object({ customerId: z.string() }),
  connectivityChanged: z.object({ online: z.boolean() }),
  // Progress of a long bulk operation (verify many, send many, import): one event per finished item.
  operationProgress: z.object({
    operationId: z.string(),
    kind: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    failed: z.number().int(),
  }),
  // Offline-first work (issue 6): the outbox's waiting count changed; a customer in Sent authorized (found by
  // background re-verification), for a desktop notification and the badge.
  outboxChanged: z.object({ waiting: z.number().int() }),
  customerAuthorized: z.object({ customerId: z.string(), companyName: z.string() }),
} as const;
export type PushEvent = keyof typeof pushEvents;
export type PushPayloadOf<E extends PushEvent> = z.output<(typeof pushEvents)[E]>;
export const pushEventNames = Object.keys(pushEvents) as PushEvent[];
export const pushChannel = 'authdesk:event';

// The API the preload exposes as window.authdesk: one method per channel, and one subscription per event.
export type IpcApi = {
  [M in Method]: (request: RequestOf<M>) => Promise<IpcResult<ResponseOf<M>>>;
} & {
  on: <E extends PushEvent>(event: E, listener: (payload: PushPayloadOf<E>) => void) => () => void;
};
