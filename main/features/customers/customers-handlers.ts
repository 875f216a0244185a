// The customers channels' handlers: thin calls into the customer service (and the link service on create).
import type { customersChannels } from '../../../shared/ipc/channels/customers';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { AuthorizationLinkService } from '../links/authorization-link-service';
import type { CustomerService } from './customer-service';

export function createCustomersHandlers({
  customers,
  links,
}: {
  customers: CustomerService;
  links: AuthorizationLinkService;
}): HandlersOf<typeof customersChannels> {
  return {
    listCustomers: async (query) => customers.list(query),
    getCustomer: async ({ customerId }) => customers.get(customerId),
    // The link is generated as part of saving the service details; a link that fails does not lose them.
    createCustomer: async (details) => {
      const created = await customers.create(details);
      return links.requestAuthorizationLinkOrReason(created.customer.id);
    },
    updateCustomer: async ({ customerId, details }) => customers.update(customerId, details),
  };
}
