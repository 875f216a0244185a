// Queue slice: the customers shown in the queue, with the search text and status filter that select them.
// Searching runs in main (SQLite full-text search); the renderer only holds the rows it shows.
import type { StateCreator } from 'zustand';
import type { Customer } from '../../shared/domain/customer';
import type { CustomerStatus } from '../../shared/domain/customer-status';
import { call } from '../api/authdesk-client';
import type { AppStore } from './app-store';

export type StatusFilter = CustomerStatus | 'all' | 'open';

export interface QueueSlice {
  customers: Customer[];
  search: string;
  statusFilter: StatusFilter;
  queueLoaded: boolean;
  queueError: string | null;
  setSearch: (search: string) => void;
  setStatusFilter: (filter: StatusFilter) => void;
  loadQueue: () => Promise<void>;
}

let latestRequest = 0;

export const createQueueSlice: StateCreator<AppStore, [], [], QueueSlice> = (set, get) => ({
  customers: [],
  search: '',
  statusFilter: 'open',
  queueLoaded: false,
  queueError: null,
  setSearch: (search) => {
    set({ search });
    void get().loadQueue();
  },
  setStatusFilter: (statusFilter) => {
    set({ statusFilter });
    void get().loadQueue();
  },
  loadQueue: async () => {
    // Answers can arrive out of order while the user types: keep only the newest.
    const request = ++latestRequest;
    const { search, statusFilter } = get();
    try {
      const customers = await call('listCustomers', { search: search.trim() || undefined, status: statusFilter });
      if (request === latestRequest) set({ customers, queueLoaded: true, queueError: null });
    } catch (error) {
      if (request === latestRequest) set({ queueError: error instanceof Error ? error.message : String(error) });
    }
  },
});
