// What a bulk action on the queue answers: how many customers it went through and, of those it could not do,
// the first few with the reason. The counts cover the whole selection; the list stays short whatever its size.
import { z } from 'zod';

export const bulkNotDoneShownLimit = 200;

// A customer the action could not do (or, for a verification, that has not authorized yet), and why.
export const bulkNotDoneSchema = z.object({
  customerId: z.string(),
  companyName: z.string(),
  message: z.string(),
});
export type BulkNotDone = z.infer<typeof bulkNotDoneSchema>;

export const bulkSummarySchema = z.object({
  // Customers the action went through.
  total: z.number().int(),
  // Of those, the ones not done.
  notDoneCount: z.number().int(),
  // The first bulkNotDoneShownLimit of them.
  notDone: z.array(bulkNotDoneSchema),
});
export type BulkSummary = z.infer<typeof bulkSummarySchema>;
