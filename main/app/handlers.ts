// The handler table: one entry per contract method, each a thin call into a service. Requests arrive
// already parsed by dispatch, so handlers see the contract's output types only.
import type { Method, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Services } from './create-services';
import { createEmailHandlers } from '../features/email/email-handlers';
import { createReportsHandlers } from '../features/reports/reports-handlers';
import { createOfflineHandlers } from '../features/offline/offline-handlers';
import { createGdapHandlers } from '../features/gdap/gdap-handlers';

export type Handlers = { [M in Method]: (request: ParsedRequestOf<M>) => Promise<ResponseOf<M>> };

export function createHandlers(services: Services): Handlers {
  const { partnerProfile, resellers, customers, links, verification, checkout, sandbox } = services;
  return {
    getAppInfo: async () => services.appInfo(),
    getPartnerProfile: async () => ({ profile: partnerProfile.get() }),
    savePartnerProfile: async (profile) => partnerProfile.save(profile),
    listResellers: async () => resellers.list(),
    refreshResellers: async () => resellers.refresh(),
    listCustomers: async (query) => customers.list(query),
    getCustomer: async ({ customerId }) => customers.get(customerId),
    // The seed generates the link as part of saving the service details; a link that fails does not lose them.
    createCustomer: async (details) => {
      const created = await customers.create(details);
      return links.requestAuthorizationLinkOrReason(created.customer.id);
    },
    updateCustomer: async ({ customerId, details }) => customers.update(customerId, details),
    requestAuthorizationLink: async ({ customerId }) => links.requestAuthorizationLink(customerId),
    getInstructions: async ({ customerId }) => links.getInstructions(customerId),
    recordHandOff: async ({ customerId, channel }) => links.recordHandOff(customerId, channel),
    openMailClient: async ({ customerId }) => links.openMailClient(customerId),
    verifyAuthorization: async ({ customerId, defaultDomain }) => verification.verify(customerId, defaultDomain),
    checkOut: async ({ customerId, orderReference }) => checkout.checkOut(customerId, orderReference),
    archiveCustomer: async ({ customerId }) => customers.archive(customerId),
    verifyCustomers: async (request) => services.bulkVerification.verifyMany(request),
    getSignInStatus: async () => services.signIn.status(),
    saveSignInSettings: async (settings) => services.signIn.saveSettings(settings),
    signIn: async () => services.signIn.signIn(),
    signOut: async () => services.signIn.signOut(),
    queryQueue: async (request) => services.queue.window(request),
    queryQueueIds: async ({ filter, sort }) => services.queue.ids(filter, sort),
    getQueueFacets: async () => services.queue.facets(),
    listSavedViews: async () => services.queue.savedViews(),
    saveView: async ({ name, query }) => services.queue.saveView(name, query),
    deleteSavedView: async ({ id }) => {
      services.queue.deleteView(id);
      return {};
    },
    getCustomerTracking: async ({ customerId }) => services.queue.tracking(customerId),
    updateCustomerTracking: async ({ customerId, tracking }) => services.queue.updateTracking(customerId, tracking),
    changeCustomersTracking: async ({ customerIds, operationId, change }) =>
      services.queue.changeTracking(customerIds, change, operationId),
    archiveCustomers: async ({ customerIds, operationId }) => services.queue.archive(customerIds, operationId),
    getAuthorizationLinks: async ({ customerIds }) => services.queue.links(customerIds),
    recordLinksCopied: async ({ customerIds, operationId }) =>
      services.queue.recordLinksCopied(customerIds, operationId),
    sandboxAcceptInvitation: async ({ customerId, ...acceptance }) => sandbox.acceptInvitation(customerId, acceptance),
    getDiagnostics: async () => services.diagnostics.collect(),
    openLogsFolder: async () => services.diagnostics.openLogsFolder(),
    ...createEmailHandlers(services),
    ...createReportsHandlers(services),
    ...createOfflineHandlers(services),
    ...createGdapHandlers(services),
  };
}
