// The channels of the authorization link: request it from Partner Center, the instructions that go with it,
// and how it was handed to the customer (copied, or through the mail client).
import { z } from 'zod';
import type { Channels } from '../channel';
import { customerDetailSchema } from '../customer-detail';
import { customerId } from '../ids';

const handOffChannels = ['copy-link', 'copy-instructions', 'mail-client'] as const;
export type HandOffChannel = (typeof handOffChannels)[number];

const instructionsSchema = z.object({
  link: z.string(),
  subject: z.string(),
  body: z.string(),
  mailtoTooLong: z.boolean(),
});
export type Instructions = z.infer<typeof instructionsSchema>;

export const linksChannels = {
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
} as const satisfies Channels;
