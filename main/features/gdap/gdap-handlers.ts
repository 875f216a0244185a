// The GDAP channels' handlers: thin calls into the GDAP service.
import type { gdapChannels } from '../../../shared/ipc/channels/gdap';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { GdapService } from './gdap-service';

export function createGdapHandlers({ gdap }: { gdap: GdapService }): HandlersOf<typeof gdapChannels> {
  return {
    listGdapTemplates: async () => gdap.listTemplates(),
    saveGdapTemplate: async ({ id, template }) => gdap.saveTemplate(id, template),
    deleteGdapTemplate: async ({ id }) => gdap.deleteTemplate(id),
    listGdapSecurityGroups: () => gdap.securityGroups(),
    getGdapRelationship: async ({ customerId }) => ({ relationship: gdap.get(customerId) }),
    requestGdap: async ({ customerId, templateId }) => gdap.request(customerId, templateId),
    refreshGdapStatus: async ({ customerId }) => gdap.refresh(customerId),
    recordGdapLinkCopied: async ({ customerId }) => gdap.recordLinkCopied(customerId),
    sandboxGdapAction: async ({ customerId, action }) =>
      gdap.sandboxSetStatus(customerId, action === 'approve' ? 'approve' : action),
  };
}
