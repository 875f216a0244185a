// The channels of GDAP: role templates in Settings, and per customer the relationship: request it, refresh its
// status, record the invitation link copied, and (sandbox) act as the customer.
import { z } from 'zod';
import {
  gdapRelationshipSchema,
  gdapSecurityGroupSchema,
  gdapTemplateInputSchema,
  gdapTemplateSchema,
} from '../../domain/gdap';
import type { Channels } from '../channel';
import { customerDetailSchema } from '../customer-detail';
import { customerId, noArguments } from '../ids';

const templateId = z.number().int().positive();
const relationshipView = z.object({ relationship: gdapRelationshipSchema.nullable(), detail: customerDetailSchema });

export const gdapChannels = {
  listGdapTemplates: { request: noArguments, response: z.array(gdapTemplateSchema) },
  saveGdapTemplate: {
    request: z.object({ id: templateId.nullable(), template: gdapTemplateInputSchema.strict() }).strict(),
    response: z.array(gdapTemplateSchema),
  },
  deleteGdapTemplate: { request: z.object({ id: templateId }).strict(), response: z.array(gdapTemplateSchema) },
  // The partner tenant's security groups (Graph), for a template's access assignment.
  listGdapSecurityGroups: { request: noArguments, response: z.array(gdapSecurityGroupSchema) },
  getGdapRelationship: {
    request: z.object({ customerId }).strict(),
    response: z.object({ relationship: gdapRelationshipSchema.nullable() }),
  },
  requestGdap: { request: z.object({ customerId, templateId }).strict(), response: relationshipView },
  refreshGdapStatus: { request: z.object({ customerId }).strict(), response: relationshipView },
  recordGdapLinkCopied: { request: z.object({ customerId }).strict(), response: relationshipView },
  sandboxGdapAction: {
    request: z.object({ customerId, action: z.enum(['approve', 'expiring', 'expired', 'terminated']) }).strict(),
    response: relationshipView,
  },
} as const satisfies Channels;
