// The channels of customer records: list and search, one customer with its history, create (which also asks
// for the authorization link) and update the service details.
import { z } from 'zod';
import { customerSchema, serviceDetailsSchema } from '../../domain/customer';
import { customerStatuses } from '../../domain/customer-status';
import type { Channels } from '../channel';
import { customerDetailSchema } from '../customer-detail';
import { customerId } from '../ids';

export const customersChannels = {
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
} as const satisfies Channels;
