// What the link asks the customer to accept, read from the link itself: three parts for an indirect
// customer (reseller, distributor, delegated admin), two for a direct one.
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import { parseRelationshipLink, isIndirectLink } from '../../../shared/domain/relationship-link';
import { useAppStore } from '../../store/app-store';

export function LinkParts({ link, customer }: { link: string; customer: Customer }) {
  const { t } = useTranslation('customer');
  const organization = useAppStore((state) => state.profile?.organizationName) ?? t('linkParts.yourOrganisation');
  let parts;
  try {
    parts = parseRelationshipLink(link);
  } catch {
    return null;
  }
  const items: string[] = [];
  if (isIndirectLink(parts)) {
    items.push(
      parts.mpnId
        ? t('linkParts.acceptReseller', {
            reseller: customer.resellerName ?? t('linkParts.theReseller'),
            mpnId: parts.mpnId,
          })
        : t('linkParts.noReseller'),
    );
    items.push(t('linkParts.acceptIndirect', { organization }));
  } else {
    items.push(t('linkParts.acceptDirect', { organization }));
  }
  items.push(parts.delegatedAdmin ? t('linkParts.delegatedAdminYes') : t('linkParts.delegatedAdminNo'));
  return (
    <ul className="link-parts" aria-label={t('linkParts.label')}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
