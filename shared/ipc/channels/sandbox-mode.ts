// The channel of sandbox mode's "act as the customer": accept the invitation in the simulator, as a customer
// would in the Microsoft 365 admin center.
import { z } from 'zod';
import { domainNameSchema } from '../../domain/validation';
import type { Channels } from '../channel';
import { customerDetailSchema } from '../customer-detail';
import { customerId } from '../ids';

export const sandboxModeChannels = {
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
} as const satisfies Channels;
