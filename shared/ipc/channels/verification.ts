// The channels of verifying that a customer accepted the relationship: one customer against its default
// domain, or many at once (the given customers, or every one in Sent / Needs attention).
import { z } from 'zod';
import { domainNameSchema } from '../../domain/validation';
import { verificationOutcomes, verificationResultSchema } from '../../domain/verification';
import type { Channels } from '../channel';
import { customerDetailSchema } from '../customer-detail';
import { customerId } from '../ids';

export const verificationChannels = {
  verifyAuthorization: {
    request: z.object({ customerId, defaultDomain: domainNameSchema }).strict(),
    response: z.object({ detail: customerDetailSchema, result: verificationResultSchema }),
  },
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
} as const satisfies Channels;
