// The desktop's own attention signals, which only main can give: the unread count on the dock or task-bar
// icon. Notifications themselves start in main (a customer found authorized); clicking one pushes
// openCustomerRequested to the window.
import { z } from 'zod';
import type { Channels } from '../channel';

export const notificationsChannels = {
  // Customers who authorized since the user last looked; 0 clears the badge.
  setAttentionCount: {
    request: z.object({ count: z.number().int().min(0).max(1_000_000) }).strict(),
    response: z.object({}).strict(),
  },
} as const satisfies Channels;
