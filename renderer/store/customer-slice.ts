// Customer slice: the customer open in the detail pane, kept fresh after every action and push event.
import type { StateCreator } from 'zustand';
import type { CustomerDetail } from '../../shared/ipc/contract';
import { call } from '../api/authdesk-client';
import type { AppStore } from './app-store';

export interface CustomerSlice {
  selectedCustomerId: string | null;
  detail: CustomerDetail | null;
  selectCustomer: (customerId: string | null) => Promise<void>;
  showDetail: (detail: CustomerDetail) => void;
  refreshSelected: () => Promise<void>;
}

export const createCustomerSlice: StateCreator<AppStore, [], [], CustomerSlice> = (set, get) => ({
  selectedCustomerId: null,
  detail: null,
  selectCustomer: async (customerId) => {
    set({ selectedCustomerId: customerId, detail: customerId === get().detail?.customer.id ? get().detail : null });
    if (customerId === null) return;
    const detail = await call('getCustomer', { customerId });
    if (get().selectedCustomerId === customerId) set({ detail });
  },
  // Actions answer with the updated customer: show it at once and refresh the queue row beside it.
  showDetail: (detail) => {
    set({ selectedCustomerId: detail.customer.id, detail });
    void get().loadQueue();
  },
  refreshSelected: async () => {
    const id = get().selectedCustomerId;
    if (id !== null) await get().selectCustomer(id);
  },
});
