// The customers a bulk action applies to, as the queue names them: the ticked ones, or every customer the
// queue's filter matches less those unticked since. main resolves it, so a selection of a hundred thousand
// customers crosses the bridge as a filter, never as a list.
import { z } from 'zod';
import { queueFilterSchema } from './queue-query';
import { bulkCustomerIds, customerId } from '../ipc/ids';

// Rows unticked after "select all matching" (one by one, so a bounded number).
export const selectionExceptLimit = 10_000;

export const customerSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customers'), customerIds: bulkCustomerIds }).strict(),
  z
    .object({
      kind: z.literal('filter'),
      filter: queueFilterSchema,
      except: z.array(customerId).max(selectionExceptLimit).optional(),
    })
    .strict(),
]);
export type CustomerSelection = z.infer<typeof customerSelectionSchema>;
