// The channels of verifying that a customer accepted the relationship: one customer against its default
// domain, or many at once (a queue selection, or every one in Sent / Needs attention).
import { z } from 'zod';
import { domainNameSchema } from '../../domain/validation';
import { verificationOutcomes, verificationResultSchema } from '../../domain/verification';
import type { Channels } from '../channel';
import { customerDetailSchema } from '../customer-detail';
import { customerId } from '../ids';
import { customerSelectionSchema } from '../../domain/customer-selection';

export const verificationChannels = {
  verifyAuthorization: {
    request: z.object({ customerId, defaultDomain: domainNameSchema }).strict(),
    response: z.object({ detail: customerDetailSchema, result: verificationResultSchema }),
  },
  verifyCustomers: {
    request: z
      .object({ selection: customerSelectionSchema.optional(), all: z.boolean().optional() })
      .strict()
      .refine((request) => request.all === true || request.selection !== undefined, {
        message: 'Choose the customers to verify, or verify all.',
        path: ['selection'],
      }),
    // The counts cover every customer verified; the list, the first bulkNotDoneShownLimit not authorized yet.
    response: z.object({
      operationId: z.string(),
      total: z.number().int(),
      authorized: z.number().int(),
      failed: z.number().int(),
      notAuthorized: z.array(
        z.union([
          z.object({ customerId: z.string(), companyName: z.string(), outcome: z.enum(verificationOutcomes) }),
          z.object({
            customerId: z.string(),
            companyName: z.string(),
            error: z.object({ code: z.string(), message: z.string() }),
          }),
        ]),
      ),
    }),
  },
} as const satisfies Channels;
