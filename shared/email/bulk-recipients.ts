// Who a bulk email goes to, as the window names them (a queue selection: the ticked customers, or every
// customer the queue's current filter matches): main resolves it to the recipients and answers with counts
// and the first few names.
import { z } from 'zod';
import { customerStatuses } from '../domain/customer-status';

export const recipientsSampleLimit = 100;

export const recipientSchema = z.object({
  customerId: z.string(),
  companyName: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  status: z.enum(customerStatuses),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const recipientsPreviewSchema = z.object({
  // Customers the query names.
  total: z.number().int(),
  // Those who get the email: a link, not archived, not authorized or checked out yet.
  recipients: z.number().int(),
  // Left out: authorized or checked out already (they need no invitation or reminder).
  alreadyAuthorized: z.number().int(),
  // Left out: no authorization link yet, or archived.
  withoutLink: z.number().int(),
  // The first recipients, at most recipientsSampleLimit.
  sample: z.array(recipientSchema),
});
export type RecipientsPreview = z.infer<typeof recipientsPreviewSchema>;
