// The connectivity feature's own small store: whether Partner Center is reachable, the actions waiting in the
// outbox, and the customers who authorized since the user last looked (the badge). Fed by push events.
import { create } from 'zustand';
import type { WaitingAction } from '../../../shared/domain/waiting-action';
import { call } from '../../api/authdesk-client';
import { i18n } from '../../i18n/i18n';

export interface AuthorizedNotice {
  customerId: string;
  companyName: string;
}

interface ConnectivityStore {
  online: boolean;
  // The oldest waiting actions (a window) and how many wait in all.
  waiting: WaitingAction[];
  waitingCount: number;
  // Newest first; cleared one by one as the user opens each customer.
  authorized: AuthorizedNotice[];
  load: () => Promise<void>;
  setOnline: (online: boolean) => void;
  retry: (id: number) => Promise<void>;
  cancel: (id: number) => Promise<void>;
  addAuthorized: (notice: AuthorizedNotice) => void;
  seen: (customerId: string) => void;
}

export const useConnectivityStore = create<ConnectivityStore>()((set, get) => ({
  online: true,
  waiting: [],
  waitingCount: 0,
  authorized: [],
  load: async () => {
    const state = await call('getConnectivity', {});
    set({ online: state.online, waiting: state.waiting, waitingCount: state.waitingCount });
  },
  setOnline: (online) => set({ online }),
  retry: async (id) => set(await call('retryWaitingAction', { id })),
  cancel: async (id) => set(await call('cancelWaitingAction', { id })),
  addAuthorized: (notice) =>
    set({ authorized: [notice, ...get().authorized.filter((known) => known.customerId !== notice.customerId)] }),
  seen: (customerId) => {
    if (get().authorized.some((notice) => notice.customerId === customerId)) {
      set({ authorized: get().authorized.filter((notice) => notice.customerId !== customerId) });
    }
  },
}));

// "1 action waiting for a connection" / "3 actions waiting" (online: they are just queued or retrying).
export function waitingSummary(count: number, online: boolean): string {
  return online ? i18n.t('connectivity:summary.online', { count }) : i18n.t('connectivity:summary.offline', { count });
}
