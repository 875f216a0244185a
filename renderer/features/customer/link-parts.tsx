// What the link asks the customer to accept, read from the link itself: three parts for an indirect
// customer (reseller, distributor, delegated admin), two for a direct one.
import type { Customer } from '../../../shared/domain/customer';
import { parseRelationshipLink, isIndirectLink } from '../../../shared/domain/relationship-link';
import { useAppStore } from '../../store/app-store';

export function LinkParts({ link, customer }: { link: string; customer: Customer }) {
  const organization = useAppStore((state) => state.profile?.organizationName ?? 'your organisation');
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
        ? `Accept ${customer.resellerName ?? 'the reseller'} (MPN ID ${parts.mpnId}) as reseller`
        : 'No reseller named: delegated admin goes to the distributor only',
    );
    items.push(`Accept ${organization} as indirect CSP`);
  } else {
    items.push(`Accept ${organization} as direct CSP`);
  }
  items.push(`Delegated admin privileges: ${parts.delegatedAdmin ? 'yes' : 'no'}`);
  return (
    <ul className="link-parts" aria-label="What the link asks">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
