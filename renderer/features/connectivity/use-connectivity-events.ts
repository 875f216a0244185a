// Subscribes the window to main's offline-first push events: connectivity, the outbox's waiting count, and
// customers found authorized in the background (main's desktop notification, which opens the customer when
// clicked; the header badge, the window title's count and the icon's badge).
import { useEffect } from 'react';
import { call, subscribe } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { useConnectivityStore } from './connectivity-store';

const baseTitle = 'AuthDesk';

export function openCustomer(customerId: string): void {
  const app = useAppStore.getState();
  app.setView('queue');
  void app.selectCustomer(customerId);
  useConnectivityStore.getState().seen(customerId);
}

export function useConnectivityEvents(): void {
  useEffect(() => {
    const store = useConnectivityStore.getState();
    const refresh = () =>
      void useConnectivityStore
        .getState()
        .load()
        .catch(() => undefined);
    refresh();
    const unsubscribers = [
      subscribe('connectivityChanged', ({ online }) => {
        store.setOnline(online);
        refresh();
      }),
      subscribe('outboxChanged', refresh),
      // Main shows the desktop notification; a click on it arrives as openCustomerRequested.
      subscribe('customerAuthorized', (notice) => useConnectivityStore.getState().addAuthorized(notice)),
      subscribe('openCustomerRequested', ({ customerId }) => openCustomer(customerId)),
    ];
    // Opening a customer clears it from the badge.
    const unselect = useAppStore.subscribe((state, previous) => {
      if (state.selectedCustomerId && state.selectedCustomerId !== previous.selectedCustomerId) {
        useConnectivityStore.getState().seen(state.selectedCustomerId);
      }
    });
    // The window title carries the count, so a minimised AuthDesk still shows it in the task bar.
    // main puts the same count on the dock or task-bar icon.
    const untitle = useConnectivityStore.subscribe((state, previous) => {
      const count = state.authorized.length;
      document.title = count > 0 ? `(${count}) ${baseTitle}` : baseTitle;
      if (count !== previous.authorized.length) void call('setAttentionCount', { count }).catch(() => undefined);
    });
    return () => {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      unselect();
      untitle();
    };
  }, []);
}
