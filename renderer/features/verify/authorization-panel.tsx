// Verify and Checkout side by side: Checkout stays disabled until the authorization is verified.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import { canCheckOut, isReadOnly } from '../../../shared/domain/customer-status';
import { VerificationChecks } from './verification-checks';
import { VerifyDialog } from './verify-dialog';
import { CheckoutDialog } from './checkout-dialog';
import { formatDateTime } from '../../components/format-time';

export function AuthorizationPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation('verify');
  const [verifyOpen, setVerifyOpen] = useState(false);
  const [checkoutOpen, setCheckoutOpen] = useState(false);
  const verification = customer.lastVerification;
  const checkoutEnabled = canCheckOut(customer.status);
  const canVerify = customer.authorizationLink !== null && !isReadOnly(customer.status);

  return (
    <section className="panel" aria-labelledby="authorization-title">
      <h2 id="authorization-title">{t('panel.title')}</h2>
      {verification ? (
        <>
          <p className="panel-note">
            {t('panel.lastVerified', {
              at: formatDateTime(verification.checkedAt),
              domain: verification.defaultDomain,
            })}
          </p>
          <VerificationChecks result={verification} />
        </>
      ) : (
        <p className="panel-note">{t('panel.notVerified')}</p>
      )}
      <div className="button-row">
        {canVerify && (
          <button
            type="button"
            data-command="verify"
            className={checkoutEnabled ? undefined : 'primary'}
            onClick={() => setVerifyOpen(true)}
          >
            {t('panel.verify')}
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
            {t('panel.checkout')}
          </button>
        )}
      </div>
      {!checkoutEnabled && customer.status !== 'checked-out' && (
        <p id="checkout-gate" className="field-hint">
          {t('panel.checkoutGate')}
        </p>
      )}
      {customer.status === 'checked-out' && (
        <p className="success-note">{t('panel.checkedOut', { reference: customer.orderReference })}</p>
      )}
      <VerifyDialog customer={customer} open={verifyOpen} onClose={() => setVerifyOpen(false)} />
      <CheckoutDialog customer={customer} open={checkoutOpen} onClose={() => setCheckoutOpen(false)} />
    </section>
  );
}
