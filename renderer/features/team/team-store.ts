// The team workspace as the window knows it: the status main reports (never the password), kept fresh by the
// teamStatusChanged push, so the header and Settings › Team read one state.
import { create } from 'zustand';
import type { TeamStatus, TeamSync } from '../../../shared/domain/team';
import { call } from '../../api/authdesk-client';

interface TeamState {
  status: TeamStatus | null;
  load(): Promise<void>;
  syncChanged(sync: TeamSync): void;
  set(status: TeamStatus): void;
}

export const useTeamStore = create<TeamState>((set, get) => ({
  status: null,
  async load() {
    set({ status: await call('getTeamStatus', {}) });
  },
  syncChanged(sync) {
    const status = get().status;
    if (status) set({ status: { ...status, sync } });
  },
  set(status) {
    set({ status });
  },
}));
