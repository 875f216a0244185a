// The customer's status as a coloured badge; the colour is never the only cue (the label is always shown).
import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../shared/domain/customer-status';

export function StatusBadge({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation('domain');
  return <span className={`status-badge status-${status}`}>{t(`status.${status}`)}</span>;
}
