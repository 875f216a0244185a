// An indirect reseller working through the indirect provider (distributor), as Partner Center lists it.
import { z } from 'zod';

export const resellerSchema = z.object({
  tenantId: z.string(),
  name: z.string(),
  mpnId: z.string(),
  state: z.string().nullable(),
  syncedAt: z.string(),
});
export type Reseller = z.infer<typeof resellerSchema>;
