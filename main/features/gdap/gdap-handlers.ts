// The IPC handlers of GDAP (issue 8): thin calls into the GDAP service.
import type { Handlers } from '../../app/handlers';
import type { Services } from '../../app/create-services';

type GdapMethod =
  | 'listGdapTemplates'
  | 'saveGdapTemplate'
  | 'deleteGdapTemplate'
  | 'getGdapRelationship'
  | 'requestGdap'
  | 'refreshGdapStatus'
  | 'recordGdapLinkCopied'
  | 'sandboxGdapAction';

export function createGdapHandlers({ gdap }: Services): Pick<Handlers, GdapMethod> {
  return {
    listGdapTemplates: async () => gdap.listTemplates(),
    saveGdapTemplate: async ({ id, template }) => gdap.saveTemplate(id, template),
    deleteGdapTemplate: async ({ id }) => gdap.deleteTemplate(id),
    getGdapRelationship: async ({ customerId }) => ({ relationship: gdap.get(customerId) }),
    requestGdap: async ({ customerId, templateId }) => gdap.request(customerId, templateId),
    refreshGdapStatus: async ({ customerId }) => gdap.refresh(customerId),
    recordGdapLinkCopied: async ({ customerId }) => gdap.recordLinkCopied(customerId),
    sandboxGdapAction: async ({ customerId, action }) =>
      gdap.sandboxSetStatus(customerId, action === 'approve' ? 'approve' : action),
  };
}
