// Verify and Checkout side by side: Checkout stays disabled until the authorization is verified.
import { useState } from 'react';
import type { Customer } from '../../../shared/domain/customer';
import { canCheckOut, isReadOnly } from '../../../shared/domain/customer-status';
import { VerificationChecks } from './verification-checks';
import { VerifyDialog } from './verify-dialog';
import { CheckoutDialog } from './checkout-dialog';
import { formatDateTime } from '../../components/format-time';

export function AuthorizationPanel({ customer }: { customer: Customer }) {
  const [verifyOpen, setVerifyOpen] = useState(false);
  const [checkoutOpen, setCheckoutOpen] = useState(false);
  const verification = customer.lastVerification;
  const checkoutEnabled = canCheckOut(customer.status);
  const canVerify = customer.authorizationLink !== null && !isReadOnly(customer.status);

  return (
    <section className="panel" aria-labelledby="authorization-title">
      <h2 id="authorization-title">Authorization and checkout</h2>
      {verification ? (
        <>
          <p className="panel-note">
            Last verified {formatDateTime(verification.checkedAt)} with {verification.defaultDomain}
          </p>
          <VerificationChecks result={verification} />
        </>
      ) : (
        <p className="panel-note">Not verified yet. Once the customer has accepted, verify it here.</p>
      )}
      <div className="button-row">
        {canVerify && (
          <button type="button" className={checkoutEnabled ? undefined : 'primary'} onClick={() => setVerifyOpen(true)}>
            Verify authorization
          </button>
        )}
        {customer.status !== 'checked-out' && (
          <button
            type="button"
            className={checkoutEnabled ? 'primary' : undefined}
            disabled={!checkoutEnabled}
            aria-describedby={checkoutEnabled ? undefined : 'checkout-gate'}
            onClick={() => setCheckoutOpen(true)}
          >
            Checkout
          </button>
        )}
      </div>
      {!checkoutEnabled && customer.status !== 'checked-out' && (
        <p id="checkout-gate" className="field-hint">
          Checkout opens once the authorization is verified.
        </p>
      )}
      {customer.status === 'checked-out' && (
        <p className="success-note">
          Checked out with order reference {customer.orderReference}. This record is read-only.
        </p>
      )}
      <VerifyDialog customer={customer} open={verifyOpen} onClose={() => setVerifyOpen(false)} />
      <CheckoutDialog customer={customer} open={checkoutOpen} onClose={() => setCheckoutOpen(false)} />
    </section>
  );
}
