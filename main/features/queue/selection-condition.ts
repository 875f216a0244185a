// The customers a selection names, as a condition on customers aliased c: the ticked ids, or the queue
// filter's own condition less the rows unticked since. SQL then counts, lists or walks them in main.
import type { CustomerSelection } from '../../../shared/domain/customer-selection';
import type { QueueFilter } from '../../../shared/domain/queue-query';
import type { SqlCondition } from '../../platform/db/sql-condition';

export function selectionCondition(
  selection: CustomerSelection,
  filterCondition: (filter: QueueFilter) => SqlCondition,
): SqlCondition {
  if (selection.kind === 'customers') {
    return {
      sql: 'c.id IN (SELECT value FROM json_each(@selectedIds))',
      params: { selectedIds: JSON.stringify([...new Set(selection.customerIds)]) },
    };
  }
  const matching = filterCondition(selection.filter);
  const except = selection.except ?? [];
  if (except.length === 0) return matching;
  return {
    sql: `(${matching.sql}) AND c.id NOT IN (SELECT value FROM json_each(@exceptIds))`,
    params: { ...matching.params, exceptIds: JSON.stringify(except) },
  };
}
