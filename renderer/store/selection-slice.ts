// Selection slice: the customers ticked for a bulk action (click, shift-click for a range, or every customer
// matching the query), and the bulk operation running on them with its progress and per-customer results.
import type { StateCreator } from 'zustand';
import type { BulkItemResult } from '../../shared/domain/customer-tracking';
import { call } from '../api/authdesk-client';
import type { AppStore } from './app-store';

export interface BulkOperation {
  id: string;
  label: string;
  running: boolean;
  done: number;
  total: number;
  failed: number;
  results: BulkItemResult[];
}

export interface SelectionSlice {
  checkedIds: ReadonlySet<string>;
  // Where the last plain click landed: the other end of a shift-click range.
  anchorIndex: number | null;
  operation: BulkOperation | null;
  toggleChecked: (id: string, index: number, range: boolean) => Promise<void>;
  setChecked: (ids: Iterable<string>) => void;
  selectAllMatching: () => Promise<void>;
  clearSelection: () => void;
  startOperation: (id: string, label: string, total: number) => void;
  progressOperation: (id: string, done: number, total: number, failed: number) => void;
  finishOperation: (id: string, results: BulkItemResult[]) => void;
  dismissOperation: () => void;
}

export const createSelectionSlice: StateCreator<AppStore, [], [], SelectionSlice> = (set, get) => ({
  checkedIds: new Set(),
  anchorIndex: null,
  operation: null,

  toggleChecked: async (id, index, range) => {
    const anchor = get().anchorIndex;
    if (range && anchor !== null && anchor !== index) {
      // The range may cover rows not fetched yet: main gives those rows' ids in the same order as the table.
      const { filter, sort } = get();
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
      const ids = await call('queryQueueIds', { filter, sort, offset: from, limit: to - from + 1 });
      set({ checkedIds: new Set([...get().checkedIds, ...ids]) });
      return;
    }
    const next = new Set(get().checkedIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    set({ checkedIds: next, anchorIndex: index });
  },
  setChecked: (ids) => set({ checkedIds: new Set(ids) }),
  selectAllMatching: async () => {
    const { filter, sort } = get();
    set({ checkedIds: new Set(await call('queryQueueIds', { filter, sort })) });
  },
  clearSelection: () => set({ checkedIds: new Set(), anchorIndex: null }),

  startOperation: (id, label, total) =>
    set({ operation: { id, label, running: true, done: 0, total, failed: 0, results: [] } }),
  progressOperation: (id, done, total, failed) => {
    const operation = get().operation;
    if (operation?.running && operation.id === id) set({ operation: { ...operation, done, total, failed } });
  },
  finishOperation: (id, results) => {
    const operation = get().operation;
    if (operation?.id !== id) return;
    // Everything done: the notice already says so, and the list would only push the queue's rows away.
    if (results.length > 0 && results.every((result) => result.ok)) {
      set({ operation: null });
      return;
    }
    set({
      operation: {
        ...operation,
        running: false,
        done: results.length,
        total: results.length,
        failed: results.filter((result) => !result.ok).length,
        results,
      },
    });
  },
  dismissOperation: () => set({ operation: null }),
});
