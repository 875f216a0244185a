// What a bulk send tells the window: how many went out of how many, and the results worth reading (those not
// sent first), never more than a screenful: a send to every due customer must not ship one row per customer.
import { z } from 'zod';
import { sendResultSchema, type SendResult } from './email-messages';

export const sendSummaryResultLimit = 200;

export const sendSummarySchema = z.object({
  total: z.number().int(),
  sent: z.number().int(),
  // At most sendSummaryResultLimit of the results: the ones not sent, then the sent ones.
  results: z.array(sendResultSchema),
});
export type SendSummary = z.infer<typeof sendSummarySchema>;

export function summarizeSends(results: SendResult[], limit = sendSummaryResultLimit): SendSummary {
  const notSent = results.filter((result) => result.outcome !== 'sent');
  const sent = results.length - notSent.length;
  const shown = notSent.slice(0, limit);
  for (const result of results) {
    if (shown.length >= limit) break;
    if (result.outcome === 'sent') shown.push(result);
  }
  return { total: results.length, sent, results: shown };
}
