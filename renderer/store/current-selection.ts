// The queue's selection as main takes it and as the bulk bar counts it, from the selection slice's state:
// the ticked ids, or after "select all matching" the current filter less the rows unticked since.
import type { CustomerSelection } from '../../shared/domain/customer-selection';
import type { QueueFilter } from '../../shared/domain/queue-query';

interface SelectionState {
  checkedIds: ReadonlySet<string>;
  allMatching: boolean;
  // The queue's current total and filter.
  total: number;
  filter: QueueFilter;
}

// How many customers the selection names, as far as the window knows (main counts again when an action runs).
export const selectedCount = (state: SelectionState): number =>
  state.allMatching ? Math.max(0, state.total - state.checkedIds.size) : state.checkedIds.size;

// The selection as main takes it; null when nothing is selected.
export function currentSelection(state: SelectionState): CustomerSelection | null {
  if (state.allMatching) {
    const except = [...state.checkedIds];
    return except.length > 0
      ? { kind: 'filter', filter: state.filter, except }
      : { kind: 'filter', filter: state.filter };
  }
  return state.checkedIds.size > 0 ? { kind: 'customers', customerIds: [...state.checkedIds] } : null;
}
