// The queue's columns: header label, the sort key main understands, and the grid width.
import type { QueueSortColumn } from '../../../shared/domain/queue-query';

export interface QueueColumn {
  sort: QueueSortColumn;
  label: string;
  width: string;
}

export const queueColumns: readonly QueueColumn[] = [
  { sort: 'company', label: 'Company', width: 'minmax(130px, 1.5fr)' },
  { sort: 'defaultDomain', label: 'Default domain', width: 'minmax(120px, 1.3fr)' },
  { sort: 'reseller', label: 'Reseller', width: 'minmax(80px, 1fr)' },
  { sort: 'status', label: 'Status', width: '116px' },
  { sort: 'linkSent', label: 'Link sent', width: '66px' },
  { sort: 'lastVerified', label: 'Verified', width: '66px' },
  { sort: 'nextFollowUp', label: 'Follow-up', width: '72px' },
  { sort: 'owner', label: 'Owner', width: 'minmax(56px, 0.6fr)' },
  { sort: 'age', label: 'Age', width: '44px' },
];

// The checkbox column first, then the data columns.
export const queueGridTemplate = ['32px', ...queueColumns.map((column) => column.width)].join(' ');

// A customer waiting this long since it was added is flagged in the age column.
export const staleAgeDays = 14;
