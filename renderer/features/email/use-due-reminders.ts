// The "Due today" list as main hands it out: its count and the windows of it fetched so far. The list asks for
// the rows it is about to show; main works out the whole list and answers with one window at a time.
import { useCallback, useRef, useState } from 'react';
import type { DueReminder } from '../../../shared/email/email-messages';
import { call } from '../../api/authdesk-client';

export const dueReminderPageSize = 50;

export interface DueRemindersState {
  // null until the first answer.
  total: number | null;
  reminderAt: (index: number) => DueReminder | undefined;
  // Loads the count and the first window again (after a change), dropping the other windows.
  reload: () => Promise<void>;
  // Fetches the windows covering these rows that are not here yet.
  showRange: (first: number, last: number) => void;
}

export function useDueReminders(onError: (error: unknown) => void): DueRemindersState {
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Record<number, DueReminder[]>>({});
  // Moves on with every reload, so a window of an older list is never mixed in.
  const generation = useRef(0);
  const asked = useRef(new Set<number>());

  const fetchPage = useCallback(async (page: number, fresh: boolean) => {
    const mine = fresh ? ++generation.current : generation.current;
    if (fresh) asked.current = new Set();
    asked.current.add(page);
    const window = await call('listDueReminders', {
      offset: page * dueReminderPageSize,
      limit: dueReminderPageSize,
    });
    if (mine !== generation.current) return;
    setTotal(window.total);
    setPages((current) => ({ ...(fresh ? {} : current), [page]: window.reminders }));
  }, []);

  const reload = useCallback(() => fetchPage(0, true).catch(onError), [fetchPage, onError]);

  const showRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / dueReminderPageSize); page <= Math.floor(last / dueReminderPageSize); page++)
        if (!asked.current.has(page)) fetchPage(page, false).catch(onError);
    },
    [fetchPage, onError],
  );

  const reminderAt = useCallback(
    (index: number) => pages[Math.floor(index / dueReminderPageSize)]?.[index % dueReminderPageSize],
    [pages],
  );

  return { total, reminderAt, reload, showRange };
}
