// The channels of GDAP (issue 8): role templates in Settings, and per customer the relationship: request,
// refresh its status, record the invitation link copied, and (sandbox) act as the customer.
// Spread into the contract in contract.ts.
import { z } from 'zod';
import { gdapRelationshipSchema, gdapTemplateInputSchema, gdapTemplateSchema } from '../domain/gdap';

const customerId = z.string().min(1).max(64);
const templateId = z.number().int().positive();

export function gdapContract<Detail extends z.ZodType>(customerDetailSchema: Detail) {
  const view = z.object({ relationship: gdapRelationshipSchema.nullable(), detail: customerDetailSchema });
  return {
    listGdapTemplates: { request: z.object({}).strict(), response: z.array(gdapTemplateSchema) },
    saveGdapTemplate: {
      request: z.object({ id: templateId.nullable(), template: gdapTemplateInputSchema.strict() }).strict(),
      response: z.array(gdapTemplateSchema),
    },
    deleteGdapTemplate: { request: z.object({ id: templateId }).strict(), response: z.array(gdapTemplateSchema) },
    getGdapRelationship: {
      request: z.object({ customerId }).strict(),
      response: z.object({ relationship: gdapRelationshipSchema.nullable() }),
    },
    requestGdap: { request: z.object({ customerId, templateId }).strict(), response: view },
    refreshGdapStatus: { request: z.object({ customerId }).strict(), response: view },
    recordGdapLinkCopied: { request: z.object({ customerId }).strict(), response: view },
    sandboxGdapAction: {
      request: z.object({ customerId, action: z.enum(['approve', 'expiring', 'expired', 'terminated']) }).strict(),
      response: view,
    },
  } as const;
}
