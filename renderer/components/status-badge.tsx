// The customer's status as a coloured badge; the colour is never the only cue (the label is always shown).
import { customerStatusLabels, type CustomerStatus } from '../../shared/domain/customer-status';

export function StatusBadge({ status }: { status: CustomerStatus }) {
  return <span className={`status-badge status-${status}`}>{customerStatusLabels[status]}</span>;
}
