// What the queue's selection sends to main: the ticked ids, or after "select all matching" the current filter
// less the rows unticked since, and how many customers the bar says are selected.
import { describe, expect, it } from 'vitest';
import { defaultQueueFilter } from '../../../shared/domain/queue-query';
import { customerSelectionSchema } from '../../../shared/domain/customer-selection';
import { currentSelection, selectedCount } from '../../../renderer/store/current-selection';

const state = (checked: string[], allMatching: boolean, total = 100_000) => ({
  checkedIds: new Set(checked),
  allMatching,
  total,
  filter: { ...defaultQueueFilter, search: 'contoso' },
});

describe('queue selection', () => {
  it('is nothing until a customer is ticked', () => {
    expect(currentSelection(state([], false))).toBeNull();
    expect(selectedCount(state([], false))).toBe(0);
  });

  it('names the ticked customers', () => {
    expect(currentSelection(state(['a', 'b'], false))).toEqual({ kind: 'customers', customerIds: ['a', 'b'] });
    expect(selectedCount(state(['a', 'b'], false))).toBe(2);
  });

  it('sends the filter for "all matching", less the unticked ones, never a list of every customer', () => {
    const all = currentSelection(state([], true));
    expect(all).toEqual({ kind: 'filter', filter: { ...defaultQueueFilter, search: 'contoso' } });
    expect(selectedCount(state([], true))).toBe(100_000);
    const lessTwo = currentSelection(state(['x', 'y'], true));
    expect(lessTwo).toEqual({
      kind: 'filter',
      filter: { ...defaultQueueFilter, search: 'contoso' },
      except: ['x', 'y'],
    });
    expect(selectedCount(state(['x', 'y'], true))).toBe(99_998);
    // What the bridge would accept in main.
    expect(customerSelectionSchema.safeParse(lessTwo).success).toBe(true);
  });
});
