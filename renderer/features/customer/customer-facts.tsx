// The customer's details at a glance.
import type { Customer } from '../../../shared/domain/customer';

// onEdit: null once the record is read-only (checked out or archived).
export function CustomerFacts({ customer, onEdit }: { customer: Customer; onEdit: (() => void) | null }) {
  const address = customer.billingAddress;
  return (
    <section className="panel" aria-labelledby="facts-title">
      <div className="panel-heading">
        <h2 id="facts-title">Details</h2>
        {onEdit && (
          <button type="button" onClick={onEdit}>
            Edit details
          </button>
        )}
      </div>
      <dl className="facts">
        <dt>Contact</dt>
        <dd>
          {customer.contactName} &lt;{customer.contactEmail}&gt;
        </dd>
        <dt>Domain prefix</dt>
        <dd>{customer.domainPrefix}</dd>
        {customer.kind === 'indirect' && (
          <>
            <dt>Reseller MPN ID</dt>
            <dd>{customer.resellerMpnId ?? 'Not given: delegated admin goes to the distributor only'}</dd>
          </>
        )}
        <dt>Delegated admin</dt>
        <dd>{customer.includeDelegatedAdmin ? 'Requested' : 'Not requested'}</dd>
        {address && (
          <>
            <dt>Billing address</dt>
            <dd>
              {address.addressLine1}, {address.postalCode} {address.city}, {address.country}
            </dd>
          </>
        )}
        {customer.orderReference && (
          <>
            <dt>Order reference</dt>
            <dd>{customer.orderReference}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
