// UI slice: which view is open, which dialog, and the short notices shown after actions.
import type { StateCreator } from 'zustand';
import type { AppStore } from './app-store';

export type View = 'queue' | 'settings' | 'reports' | 'help';
export type NoticeKind = 'success' | 'error' | 'info';
export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

export interface UiSlice {
  view: View;
  newCustomerOpen: boolean;
  // Import customers from CSV: one dialog, opened from the queue, Reports or the command palette.
  importOpen: boolean;
  notices: Notice[];
  setView: (view: View) => void;
  setNewCustomerOpen: (open: boolean) => void;
  setImportOpen: (open: boolean) => void;
  notify: (kind: NoticeKind, text: string) => void;
  dismissNotice: (id: number) => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppStore, [], [], UiSlice> = (set, get) => ({
  view: 'queue',
  newCustomerOpen: false,
  importOpen: false,
  notices: [],
  setView: (view) => set({ view }),
  setNewCustomerOpen: (newCustomerOpen) => set({ newCustomerOpen }),
  setImportOpen: (importOpen) => set({ importOpen }),
  notify: (kind, text) => {
    const id = nextNoticeId++;
    set({ notices: [...get().notices.slice(-2), { id, kind, text }] });
    // Errors stay until dismissed: a user must be able to read what went wrong.
    if (kind !== 'error') setTimeout(() => get().dismissNotice(id), 4000);
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
});
