// A customer with its history: what most customer actions answer with, so the renderer redraws from it.
import { z } from 'zod';
import { customerSchema } from '../domain/customer';
import { customerEventSchema } from '../domain/customer-event';

export const customerDetailSchema = z.object({
  customer: customerSchema,
  events: z.array(customerEventSchema),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;
