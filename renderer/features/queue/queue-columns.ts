// The queue's columns: the sort key main understands (the header's label is queue:columns.<sort>), and the
// grid width.
import type { QueueSortColumn } from '../../../shared/domain/queue-query';

export interface QueueColumn {
  sort: QueueSortColumn;
  width: string;
}

export const queueColumns: readonly QueueColumn[] = [
  { sort: 'company', width: 'minmax(130px, 1.5fr)' },
  { sort: 'defaultDomain', width: 'minmax(120px, 1.3fr)' },
  { sort: 'reseller', width: 'minmax(80px, 1fr)' },
  { sort: 'status', width: '150px' },
  { sort: 'linkSent', width: '66px' },
  { sort: 'lastVerified', width: '66px' },
  { sort: 'nextFollowUp', width: '72px' },
  { sort: 'owner', width: 'minmax(56px, 0.6fr)' },
  { sort: 'age', width: '52px' },
];

// The checkbox column first, then the data columns.
export const queueGridTemplate = ['32px', ...queueColumns.map((column) => column.width)].join(' ');

// A customer waiting this long since it was added is flagged in the age column.
export const staleAgeDays = 14;
