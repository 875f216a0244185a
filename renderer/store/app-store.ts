// The renderer's store, composed of one slice per concern.
import { create } from 'zustand';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createQueueSlice, type QueueSlice } from './queue-slice';
import { createCustomerSlice, type CustomerSlice } from './customer-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

export type AppStore = SettingsSlice & QueueSlice & CustomerSlice & UiSlice & SelectionSlice;

export const useAppStore = create<AppStore>()((...args) => ({
  ...createSettingsSlice(...args),
  ...createQueueSlice(...args),
  ...createCustomerSlice(...args),
  ...createUiSlice(...args),
  ...createSelectionSlice(...args),
}));
