// The due reminders as a virtualized list: only the rows in view (plus a few) exist in the page, however many
// reminders are due; each is fetched from main a window at a time.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DueReminder } from '../../../shared/email/email-messages';
import { formatDateTime } from '../../components/format-time';
import type { DueRemindersState } from './use-due-reminders';

const rowHeight = 38;

export function DueReminderList({
  due,
  busy,
  onOpen,
  onSend,
  onSnooze,
}: {
  due: DueRemindersState;
  busy: boolean;
  onOpen: (customerId: string) => void;
  onSend: (reminder: DueReminder) => void;
  onSnooze: (reminder: DueReminder) => void;
}) {
  const { t } = useTranslation('email');
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change every render by design; this component is simply not compiler-memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: due.total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { showRange } = due;
  useEffect(() => showRange(first, last), [first, last, showRange]);

  return (
    <div className="due-list" ref={scrollRef}>
      <ul aria-label={t('due.listLabel')} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const reminder = due.reminderAt(item.index);
          return (
            <li
              key={item.index}
              aria-posinset={item.index + 1}
              aria-setsize={due.total ?? 0}
              style={{ position: 'absolute', top: item.start, left: 0, right: 0, height: rowHeight }}
            >
              {reminder ? (
                <>
                  <button type="button" className="link-button" onClick={() => onOpen(reminder.customerId)}>
                    {reminder.companyName}
                  </button>
                  <span className="cell-secondary">
                    {t('due.line', {
                      step: reminder.step,
                      date: formatDateTime(reminder.dueAt),
                      language: reminder.languageName,
                    })}
                  </span>
                  <span className="due-actions">
                    <button type="button" disabled={busy} onClick={() => onSend(reminder)}>
                      {t('due.send')}
                    </button>
                    <button type="button" disabled={busy} onClick={() => onSnooze(reminder)}>
                      {t('due.snooze')}
                    </button>
                  </span>
                </>
              ) : (
                <span className="cell-secondary">{t('bulk.loading')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
