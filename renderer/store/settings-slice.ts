// Settings slice: the app's mode and the partner profile, loaded once and saved from the settings view.
import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../shared/ipc/contract';
import type { PartnerProfile } from '../../shared/domain/partner-profile';
import { call } from '../api/authdesk-client';
import type { AppStore } from './app-store';

export interface SettingsSlice {
  appInfo: AppInfo | null;
  profile: PartnerProfile | null;
  settingsLoaded: boolean;
  loadSettings: () => Promise<void>;
  saveProfile: (profile: PartnerProfile) => Promise<void>;
}

export const createSettingsSlice: StateCreator<AppStore, [], [], SettingsSlice> = (set) => ({
  appInfo: null,
  profile: null,
  settingsLoaded: false,
  loadSettings: async () => {
    const [appInfo, { profile }] = await Promise.all([call('getAppInfo', {}), call('getPartnerProfile', {})]);
    set({ appInfo, profile, settingsLoaded: true });
  },
  saveProfile: async (profile) => {
    const saved = await call('savePartnerProfile', profile);
    set({ profile: saved });
  },
});
