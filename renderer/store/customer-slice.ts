// Customer slice: the customer open in the detail pane, kept fresh after every action and push event.
import type { StateCreator } from 'zustand';
import type { CustomerDetail } from '../../shared/ipc/contract';
import type { CustomerTracking } from '../../shared/domain/customer-tracking';
import { call } from '../api/authdesk-client';
import type { AppStore } from './app-store';

export interface CustomerSlice {
  selectedCustomerId: string | null;
  detail: CustomerDetail | null;
  // Owner, next follow-up and notes of the open customer.
  tracking: CustomerTracking | null;
  saveTracking: (tracking: CustomerTracking) => Promise<void>;
  selectCustomer: (customerId: string | null) => Promise<void>;
  showDetail: (detail: CustomerDetail) => void;
  refreshSelected: () => Promise<void>;
}

export const createCustomerSlice: StateCreator<AppStore, [], [], CustomerSlice> = (set, get) => ({
  selectedCustomerId: null,
  detail: null,
  tracking: null,
  selectCustomer: async (customerId) => {
    const same = customerId === get().detail?.customer.id;
    set({
      selectedCustomerId: customerId,
      detail: same ? get().detail : null,
      tracking: same ? get().tracking : null,
    });
    if (customerId === null) return;
    const [detail, tracking] = await Promise.all([
      call('getCustomer', { customerId }),
      call('getCustomerTracking', { customerId }),
    ]);
    if (get().selectedCustomerId === customerId) set({ detail, tracking });
  },
  saveTracking: async (tracking) => {
    const customerId = get().selectedCustomerId;
    if (customerId === null) return;
    const saved = await call('updateCustomerTracking', { customerId, tracking });
    if (get().selectedCustomerId === customerId) set({ tracking: saved });
    void get().loadQueue();
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
