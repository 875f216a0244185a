// The IPC contract, the one source of truth for every channel between renderer and main:
// request and response schemas per method, and the push events main sends.
// main parses every request with these schemas; preload exposes one method per entry; the renderer
// gets full types from IpcApi.
import { z } from 'zod';
import { partnerProfileSchema } from '../domain/partner-profile';
import { customerSchema, serviceDetailsSchema } from '../domain/customer';
import { customerEventSchema } from '../domain/customer-event';
import { resellerSchema } from '../domain/reseller';
import { verificationResultSchema } from '../domain/verification';
import { customerStatuses } from '../domain/customer-status';
import { domainNameSchema } from '../domain/validation';
import type { IpcResult } from './ipc-error';

const customerId = z.string().min(1).max(64);
const empty = z.object({}).strict();

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
