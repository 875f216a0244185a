// Queue slice: the query (filters and sort), what main answered for it (total, counts per status) and a cache of
// the windows of rows fetched so far. The table asks for the rows it is about to show; main never sends the
// whole list. Saved views and the reseller/owner lists for the filters live here too.
import type { StateCreator } from 'zustand';
import {
  defaultQueueFilter,
  defaultQueueSort,
  type QueueFacets,
  type QueueFilter,
  type QueueRow,
  type QueueSort,
  type QueueSortColumn,
  type SavedView,
  type StatusCounts,
} from '../../shared/domain/queue-query';
import { call, errorMessage } from '../api/authdesk-client';
import type { AppStore } from './app-store';

export const queuePageSize = 100;

export interface QueueSlice {
  filter: QueueFilter;
  sort: QueueSort;
  total: number;
  counts: StatusCounts | null;
  // Fetched rows by page number; a page missing is fetched when the table scrolls to it.
  pages: Record<number, QueueRow[]>;
  visibleRange: { start: number; end: number };
  // Moves on with every new query, so rows of an older one are never mixed in.
  queueGeneration: number;
  // Moves on with a new filter or sort only: the table goes back to the top then, not on a refresh.
  queryVersion: number;
  queueLoaded: boolean;
  queueError: string | null;
  activeIndex: number;
  facets: QueueFacets | null;
  savedViews: SavedView[];
  activeViewId: number | null;
  setSearch: (search: string) => void;
  setFilter: (change: Partial<QueueFilter>) => void;
  setSort: (column: QueueSortColumn) => void;
  loadQueue: () => Promise<void>;
  showRange: (start: number, end: number) => void;
  rowAt: (index: number) => QueueRow | undefined;
  setActiveIndex: (index: number) => void;
  loadFacets: () => Promise<void>;
  loadSavedViews: () => Promise<void>;
  applyView: (view: SavedView) => void;
  // shared: for the whole team (while in one).
  saveCurrentView: (name: string, shared?: boolean) => Promise<SavedView>;
  deleteView: (id: number) => Promise<void>;
}

let generation = 0;
let loading: { key: string; again: boolean; done: Promise<void> } | null = null;
const inFlight = new Set<string>();

const pagesOf = (start: number, end: number): number[] => {
  const pages: number[] = [];
  for (let page = Math.floor(start / queuePageSize); page <= Math.floor(end / queuePageSize); page++) pages.push(page);
  return pages;
};

export const createQueueSlice: StateCreator<AppStore, [], [], QueueSlice> = (set, get) => {
  const fetchPage = (page: number) => {
    const { filter, sort } = get();
    return call('queryQueue', { filter, sort, offset: page * queuePageSize, limit: queuePageSize });
  };

  return {
    filter: defaultQueueFilter,
    sort: defaultQueueSort,
    total: 0,
    counts: null,
    pages: {},
    visibleRange: { start: 0, end: 40 },
    queueGeneration: 0,
    queryVersion: 0,
    queueLoaded: false,
    queueError: null,
    activeIndex: -1,
    facets: null,
    savedViews: [],
    activeViewId: null,

    setSearch: (search) => get().setFilter({ search }),
    setFilter: (change) => {
      set({
        filter: { ...get().filter, ...change },
        activeViewId: null,
        activeIndex: -1,
        queryVersion: get().queryVersion + 1,
      });
      get().clearSelection();
      void get().loadQueue();
    },
    setSort: (column) => {
      const current = get().sort;
      // A second click on the same column turns the order round; a new column starts ascending.
      const direction = current.column === column && current.direction === 'asc' ? 'desc' : 'asc';
      set({ sort: { column, direction }, activeViewId: null, queryVersion: get().queryVersion + 1 });
      void get().loadQueue();
    },

    // A new query, or the same one after a change: refetch the pages on screen and swap them in at once, so the
    // list never flashes empty.
    loadQueue: async () => {
      // Refreshes of the same query (a burst of customerChanged during a bulk action) are coalesced: one in
      // flight, one more after it. A new query always goes out at once.
      const key = JSON.stringify([get().filter, get().sort]);
      if (loading !== null && loading.key === key) {
        loading.again = true;
        return loading.done;
      }
      const request = ++generation;
      const { start, end } = get().visibleRange;
      const run = (async () => {
        try {
          const windows = await Promise.all(pagesOf(start, end).map((page) => fetchPage(page)));
          if (request !== generation) return;
          const pages: Record<number, QueueRow[]> = {};
          windows.forEach((window) => (pages[window.offset / queuePageSize] = window.rows));
          const first = windows[0];
          set({
            pages,
            total: first?.total ?? 0,
            counts: first?.counts ?? null,
            queueGeneration: request,
            queueLoaded: true,
            queueError: null,
          });
        } catch (error) {
          if (request === generation) set({ queueError: errorMessage(error), queueLoaded: true });
        }
      })();
      const current = { key, again: false, done: run };
      loading = current;
      await run;
      if (loading === current) loading = null;
      if (current.again) await get().loadQueue();
    },

    showRange: (start, end) => {
      set({ visibleRange: { start, end } });
      const request = generation;
      for (const page of pagesOf(start, end)) {
        const key = `${request}:${page}`;
        if (get().pages[page] || inFlight.has(key) || page * queuePageSize >= get().total) continue;
        inFlight.add(key);
        fetchPage(page)
          .then((window) => {
            if (request !== generation) return;
            set({ pages: { ...get().pages, [page]: window.rows }, total: window.total, counts: window.counts });
          })
          .catch((error: unknown) => get().notify('error', errorMessage(error)))
          .finally(() => inFlight.delete(key));
      }
    },

    rowAt: (index) => get().pages[Math.floor(index / queuePageSize)]?.[index % queuePageSize],
    setActiveIndex: (activeIndex) => set({ activeIndex }),

    loadFacets: async () => {
      set({ facets: await call('getQueueFacets', {}) });
    },
    loadSavedViews: async () => {
      set({ savedViews: await call('listSavedViews', {}) });
    },
    applyView: (view) => {
      set({
        filter: view.query.filter,
        sort: view.query.sort,
        activeViewId: view.id,
        activeIndex: -1,
        queryVersion: get().queryVersion + 1,
      });
      get().clearSelection();
      void get().loadQueue();
    },
    saveCurrentView: async (name, shared = false) => {
      const { filter, sort } = get();
      const view = await call('saveView', { name, query: { filter, sort }, shared });
      await get().loadSavedViews();
      set({ activeViewId: view.id });
      return view;
    },
    deleteView: async (id) => {
      await call('deleteSavedView', { id });
      if (get().activeViewId === id) set({ activeViewId: null });
      await get().loadSavedViews();
    },
  };
};
