// The cross-field rules of the "Service details" step, shared by the renderer's form and main's
// customer service so both refuse the same input with the same words. Field rules live in the schema.
import type { ServiceDetails } from './customer';
import type { PartnerProfile } from './partner-profile';

export type FieldErrors = Record<string, string>;

export function serviceDetailsErrors(details: ServiceDetails, profile: PartnerProfile): FieldErrors {
  const errors: FieldErrors = {};
  if (!details.ownsExistingTenant) {
    // AuthDesk handles existing tenants only: a new tenant is created in Partner Center's new-customer flow.
    errors.ownsExistingTenant =
      'AuthDesk is for customers who already have a Microsoft 365 tenant: confirm that the customer already uses Office 365 and owns this domain.';
  }
  // A distributor (indirect provider) also sells to customers directly; a direct-bill partner has no resellers.
  if (details.kind === 'indirect' && profile.role !== 'indirect-provider') {
    errors.kind = 'Indirect customers need the partner role "Indirect provider" in Settings.';
  }
  if (details.kind === 'direct' && details.resellerMpnId !== '') {
    errors.resellerMpnId = 'A direct customer has no reseller: leave the MPN ID blank.';
  }
  if (details.kind === 'indirect' && profile.requireBillingAddress && details.billingAddress === null) {
    errors.billingAddress = `${profile.organizationName} requires the billing address of indirect customers before a link is issued.`;
  }
  return errors;
}

// The storefront's yellow warning, shown when an indirect customer's reseller MPN ID is left blank. The
// storefront said "not to your organization" to the reseller filling it in; here the distributor itself reads
// it, so the one left out is named: the customer's reseller.
export function blankMpnIdWarning(organizationName: string): string {
  return `It seems that you have not provided a valid MPN ID. Without a valid MPN ID, delegated administration privileges will only be provided to ${organizationName} and not to the customer's reseller.`;
}
