// Sandbox only: plays the customer's Global administrator accepting the link in the Microsoft 365 admin
// center, against the local Partner Center simulator, so the whole flow can be tried without Microsoft.
import { SandboxControlError, type SandboxControlClient } from '../../../sandbox/index';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import { recordChange, requireCustomer, requireEditable } from '../customers/customer-records';
import type { ServiceContext } from '../../platform/service-context';

export interface SandboxAcceptance {
  grantDelegatedAdmin: boolean;
  associateReseller: boolean;
  customDefaultDomain: string | null;
}

export interface SandboxService {
  acceptInvitation(customerId: string, acceptance: SandboxAcceptance): Promise<CustomerDetail>;
}

function acceptanceSummary(acceptance: SandboxAcceptance, indirect: boolean): string {
  const parts = [acceptance.grantDelegatedAdmin ? 'delegated admin granted' : 'without delegated admin'];
  if (indirect) parts.push(acceptance.associateReseller ? 'reseller associated' : 'reseller not associated');
  if (acceptance.customDefaultDomain) parts.push(`default domain ${acceptance.customDefaultDomain}`);
  return `Sandbox: the customer accepted the invitation (${parts.join(', ')})`;
}

// control() is null outside sandbox mode (signed in to Partner Center): then there is no simulated customer
// to play, and a real customer's history must never show a simulated acceptance.
export function createSandboxService(
  context: ServiceContext,
  sandboxControl: () => SandboxControlClient | null,
): SandboxService {
  return {
    async acceptInvitation(customerId, acceptance) {
      const control = sandboxControl();
      if (control === null) {
        throw new AppError('conflict', 'Accepting on the customer’s behalf exists only in sandbox mode.');
      }
      const customer = requireCustomer(context, customerId);
      requireEditable(customer);
      if (customer.authorizationLink === null) {
        throw new AppError('conflict', 'Get the authorization link for this customer first.');
      }
      try {
        await control.accept({
          invitationUrl: customer.authorizationLink,
          domainPrefix: customer.domainPrefix,
          companyName: customer.companyName,
          grantDelegatedAdmin: acceptance.grantDelegatedAdmin,
          associateReseller: acceptance.associateReseller,
          customDefaultDomain: acceptance.customDefaultDomain,
        });
      } catch (error) {
        if (error instanceof SandboxControlError) {
          throw new AppError('partner-center', `The sandbox refused the acceptance: ${error.reason}`);
        }
        // fetch rejects with a TypeError when the simulator cannot be reached.
        if (error instanceof TypeError)
          throw new AppError('offline', 'The sandbox Partner Center simulator could not be reached.');
        throw error;
      }
      return recordChange(context, null, customerId, {
        type: 'sandbox-accepted',
        summary: acceptanceSummary(acceptance, customer.kind === 'indirect'),
        data: { ...acceptance },
      });
    },
  };
}
