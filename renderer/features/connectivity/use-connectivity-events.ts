// Subscribes the window to main's offline-first push events: connectivity, the outbox's waiting count, and
// customers found authorized in the background (a desktop notification that opens the customer when clicked,
// the header badge and the window title's count).
import { useEffect } from 'react';
import { subscribe } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { useConnectivityStore, type AuthorizedNotice } from './connectivity-store';

const baseTitle = 'AuthDesk';

export function openCustomer(customerId: string): void {
  const app = useAppStore.getState();
  app.setView('queue');
  void app.selectCustomer(customerId);
  useConnectivityStore.getState().seen(customerId);
}

async function showNotification(notice: AuthorizedNotice): Promise<void> {
  if (typeof Notification === 'undefined') return;
  let permission = Notification.permission;
  if (permission === 'default') permission = await Notification.requestPermission();
  if (permission !== 'granted') return;
  const notification = new Notification(`${notice.companyName} authorized you`, {
    body: 'The customer accepted the invitation. Checkout is open.',
    tag: `authorized-${notice.customerId}`,
  });
  notification.onclick = () => {
    window.focus();
    openCustomer(notice.customerId);
    notification.close();
  };
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
      subscribe('customerAuthorized', (notice) => {
        useConnectivityStore.getState().addAuthorized(notice);
        void showNotification(notice);
      }),
    ];
    // Opening a customer clears it from the badge.
    const unselect = useAppStore.subscribe((state, previous) => {
      if (state.selectedCustomerId && state.selectedCustomerId !== previous.selectedCustomerId) {
        useConnectivityStore.getState().seen(state.selectedCustomerId);
      }
    });
    // The window title carries the count, so a minimised AuthDesk still shows it in the task bar.
    const untitle = useConnectivityStore.subscribe((state) => {
      document.title = state.authorized.length > 0 ? `(${state.authorized.length}) ${baseTitle}` : baseTitle;
    });
    return () => {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      unselect();
      untitle();
    };
  }, []);
}
