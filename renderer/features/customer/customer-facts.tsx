// The customer's details at a glance.
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';

// onEdit: null once the record is read-only (checked out or archived).
export function CustomerFacts({ customer, onEdit }: { customer: Customer; onEdit: (() => void) | null }) {
  const { t } = useTranslation('customer');
  const address = customer.billingAddress;
  return (
    <section className="panel" aria-labelledby="facts-title">
      <div className="panel-heading">
        <h2 id="facts-title">{t('facts.title')}</h2>
        {onEdit && (
          <button type="button" onClick={onEdit}>
            {t('facts.edit')}
          </button>
        )}
      </div>
      <dl className="facts">
        <dt>{t('facts.contact')}</dt>
        <dd>
          {customer.contactName} {'<'}
          {customer.contactEmail}
          {'>'}
        </dd>
        <dt>{t('facts.domainPrefix')}</dt>
        <dd>{customer.domainPrefix}</dd>
        {customer.kind === 'indirect' && (
          <>
            <dt>{t('facts.resellerMpnId')}</dt>
            <dd>{customer.resellerMpnId ?? t('facts.noResellerMpnId')}</dd>
          </>
        )}
        <dt>{t('facts.delegatedAdmin')}</dt>
        <dd>{customer.includeDelegatedAdmin ? t('facts.requested') : t('facts.notRequested')}</dd>
        {address && (
          <>
            <dt>{t('facts.billingAddress')}</dt>
            <dd>
              {address.addressLine1}, {address.postalCode} {address.city}, {address.country}
            </dd>
          </>
        )}
        {customer.orderReference && (
          <>
            <dt>{t('facts.orderReference')}</dt>
            <dd>{customer.orderReference}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
