// The queue as a virtualized grid: only the rows on screen (plus a few) exist in the page, fetched from main a
// window at a time, so 10,000+ customers scroll smoothly. Sortable headers (aria-sort), a checkbox per row,
// and keyboard navigation with the active row announced through aria-activedescendant.
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { QueueFilter, QueueRow as Row, StatusCounts } from '../../../shared/domain/queue-query';
import { useAppStore } from '../../store/app-store';
import { queuePageSize } from '../../store/queue-slice';
import { errorMessage } from '../../api/authdesk-client';
import { todayIsoDate } from '../../components/format-time';
import { queueColumns, queueGridTemplate } from './queue-columns';
import { QueueRow } from './queue-row';

const rowHeight = 34;

export function QueueTable() {
  const { t } = useTranslation('queue');
  const total = useAppStore((state) => state.total);
  const counts = useAppStore((state) => state.counts);
  const filter = useAppStore((state) => state.filter);
  const profileReady = useAppStore((state) => state.profile !== null);
  const pages = useAppStore((state) => state.pages);
  const loaded = useAppStore((state) => state.queueLoaded);
  const error = useAppStore((state) => state.queueError);
  const sort = useAppStore((state) => state.sort);
  const setSort = useAppStore((state) => state.setSort);
  const checkedIds = useAppStore((state) => state.checkedIds);
  const allMatching = useAppStore((state) => state.allMatching);
  const openId = useAppStore((state) => state.selectedCustomerId);
  const activeIndex = useAppStore((state) => state.activeIndex);
  const generation = useAppStore((state) => state.queueGeneration);
  const queryVersion = useAppStore((state) => state.queryVersion);
  const scrollRef = useRef<HTMLDivElement>(null);
  const today = todayIsoDate();

  // The virtualizer's functions change every render by design; this component is simply not compiler-memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    useAppStore.getState().showRange(first, last);
  }, [first, last, generation]);

  // A new query starts at the top; a refresh of the same one stays where the user is.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryVersion]);

  const open = useCallback((row: Row, index: number) => {
    const state = useAppStore.getState();
    state.setActiveIndex(index);
    state.selectCustomer(row.id).catch((reason: unknown) => state.notify('error', errorMessage(reason)));
  }, []);
  const check = useCallback((row: Row, index: number, range: boolean) => {
    const state = useAppStore.getState();
    state.toggleChecked(row.id, index, range).catch((reason: unknown) => state.notify('error', errorMessage(reason)));
  }, []);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(total - 1, index));
    useAppStore.getState().setActiveIndex(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const row = useAppStore.getState().rowAt(target);
    if (row) open(row, target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (total === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(activeIndex < 0 && event.key === 'ArrowDown' ? 0 : target);
      return;
    }
    const row = useAppStore.getState().rowAt(activeIndex);
    if (row && event.key === ' ') {
      event.preventDefault();
      check(row, activeIndex, event.shiftKey);
    } else if (row && event.key === 'Enter') {
      event.preventDefault();
      open(row, activeIndex);
    }
  };

  if (error)
    return (
      <p className="queue-message" role="alert">
        {error}
      </p>
    );
  if (!loaded) return <p className="queue-message">{t('table.loading')}</p>;

  return (
    <div className="queue-scroll" ref={scrollRef}>
      <table
        className="queue-table virtual"
        role="grid"
        aria-label={t('table.label')}
        aria-rowcount={total + 1}
        aria-multiselectable="true"
        aria-activedescendant={
          activeIndex >= 0 && items.some((item) => item.index === activeIndex) ? `queue-row-${activeIndex}` : undefined
        }
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{ ['--queue-columns' as string]: queueGridTemplate }}
      >
        <thead>
          <tr role="row" aria-rowindex={1}>
            <th role="columnheader" scope="col" className="cell-check">
              <span className="visually-hidden">{t('table.selectedColumn')}</span>
            </th>
            {queueColumns.map((column) => {
              const sorted = sort.column === column.sort;
              return (
                <th
                  key={column.sort}
                  role="columnheader"
                  scope="col"
                  aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => setSort(column.sort)}>
                    {t(`columns.${column.sort}`)}
                    <span aria-hidden="true" className="sort-arrow">
                      {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = pages[Math.floor(item.index / queuePageSize)]?.[item.index % queuePageSize];
            const style = { transform: `translateY(${item.start}px)`, height: rowHeight };
            if (!row)
              return (
                <tr
                  key={`loading-${item.index}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="queue-row loading"
                  style={style}
                >
                  <td role="gridcell" colSpan={queueColumns.length + 1}>
                    {t('table.loading')}
                  </td>
                </tr>
              );
            return (
              <QueueRow
                key={row.id}
                row={row}
                index={item.index}
                checked={allMatching !== checkedIds.has(row.id)}
                open={row.id === openId}
                active={item.index === activeIndex}
                today={today}
                style={style}
                onOpen={open}
                onCheck={check}
              />
            );
          })}
        </tbody>
      </table>
      {total === 0 &&
        (noCustomersYet(counts, filter) ? (
          <div className="queue-message queue-empty-start">
            <p>{t('table.noCustomersYet')}</p>
            <div className="button-row">
              <button
                type="button"
                className="primary"
                disabled={!profileReady}
                onClick={() => useAppStore.getState().setNewCustomerOpen(true)}
              >
                {t('table.addCustomer')}
              </button>
              <button type="button" disabled={!profileReady} onClick={() => useAppStore.getState().setImportOpen(true)}>
                {t('table.importCsvFile')}
              </button>
            </div>
            {!profileReady && <p>{t('table.profileFirst')}</p>}
          </div>
        ) : (
          <p className="queue-message">{t('table.noMatch')}</p>
        ))}
    </div>
  );
}

// Nothing at all on this desktop (no search or filter narrows the counts): the queue offers the first steps.
function noCustomersYet(counts: StatusCounts | null, filter: QueueFilter): boolean {
  if (counts === null) return false;
  const narrowed =
    filter.search.trim() !== '' ||
    filter.reseller !== null ||
    filter.owner !== null ||
    filter.minAgeDays !== null ||
    filter.idleDays !== null ||
    filter.followUp !== 'any';
  return !narrowed && Object.values(counts).every((count) => count === 0);
}
