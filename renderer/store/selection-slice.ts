// Selection slice: the customers ticked for a bulk action (click, shift-click for a range, or every customer
// matching the query), and the bulk operation running on them with its progress and the customers it could
// not do. "Select all matching" keeps the filter, not its ids: main resolves it when an action runs, so a
// view of a hundred thousand customers is selected without listing them here.
import type { StateCreator } from 'zustand';
import type { BulkNotDone, BulkSummary } from '../../shared/domain/bulk-summary';
import { call } from '../api/authdesk-client';
import type { AppStore } from './app-store';

export interface BulkOperation {
  id: string;
  label: string;
  running: boolean;
  done: number;
  total: number;
  failed: number;
  // Once finished: the first customers not done (failed counts them all).
  notDone: BulkNotDone[];
}

export interface SelectionSlice {
  // The ticked customers; while allMatching, the ones unticked since instead.
  checkedIds: ReadonlySet<string>;
  // Every customer the queue's current filter matches is selected (a filter change clears it).
  allMatching: boolean;
  // Where the last plain click landed: the other end of a shift-click range.
  anchorIndex: number | null;
  operation: BulkOperation | null;
  toggleChecked: (id: string, index: number, range: boolean) => Promise<void>;
  setChecked: (ids: Iterable<string>) => void;
  selectAllMatching: () => void;
  clearSelection: () => void;
  startOperation: (id: string, label: string, total: number) => void;
  progressOperation: (id: string, done: number, total: number, failed: number) => void;
  finishOperation: (id: string, summary: BulkSummary | null) => void;
  dismissOperation: () => void;
}

export const createSelectionSlice: StateCreator<AppStore, [], [], SelectionSlice> = (set, get) => ({
  checkedIds: new Set(),
  allMatching: false,
  anchorIndex: null,
  operation: null,

  toggleChecked: async (id, index, range) => {
    const anchor = get().anchorIndex;
    if (range && anchor !== null && anchor !== index) {
      // The range may cover rows not fetched yet: main gives those rows' ids in the same order as the table.
      const { filter, sort } = get();
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
      const ids = await call('queryQueueIds', { filter, sort, offset: from, limit: to - from + 1 });
      const next = new Set(get().checkedIds);
      // The range ends up ticked: added to the ticked ones, or taken off the ones unticked from "all".
      for (const rangeId of ids) {
        if (get().allMatching) next.delete(rangeId);
        else next.add(rangeId);
      }
      set({ checkedIds: next });
      return;
    }
    const next = new Set(get().checkedIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    set({ checkedIds: next, anchorIndex: index });
  },
  setChecked: (ids) => set({ checkedIds: new Set(ids), allMatching: false }),
  selectAllMatching: () => set({ allMatching: true, checkedIds: new Set() }),
  clearSelection: () => set({ checkedIds: new Set(), allMatching: false, anchorIndex: null }),

  startOperation: (id, label, total) =>
    set({
      operation: { id, label, running: true, done: 0, total, failed: 0, notDone: [] },
    }),
  progressOperation: (id, done, total, failed) => {
    const operation = get().operation;
    if (operation?.running && operation.id === id) set({ operation: { ...operation, done, total, failed } });
  },
  // summary null: the action failed as a whole (its error is the notice).
  finishOperation: (id, summary) => {
    const operation = get().operation;
    if (operation?.id !== id) return;
    // Everything done: the notice already says so, and the list would only push the queue's rows away.
    if (summary === null || (summary.total > 0 && summary.notDoneCount === 0)) {
      set({ operation: null });
      return;
    }
    set({
      operation: {
        ...operation,
        running: false,
        done: summary.total,
        total: summary.total,
        failed: summary.notDoneCount,
        notDone: summary.notDone,
      },
    });
  },
  dismissOperation: () => set({ operation: null }),
});
