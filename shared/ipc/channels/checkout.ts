// The channel of checking a verified customer out with the order it belongs to; the record is history after.
import { z } from 'zod';
import type { Channels } from '../channel';
import { customerDetailSchema } from '../customer-detail';
import { customerId } from '../ids';

export const checkoutChannels = {
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
} as const satisfies Channels;
