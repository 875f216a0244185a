// One row of the queue: a checkbox for bulk actions and the customer's columns. Overdue follow-ups and old
// customers are flagged with text as well as colour.
import { memo, type CSSProperties, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow as Row } from '../../../shared/domain/queue-query';
import { isReadOnly } from '../../../shared/domain/customer-status';
import { StatusBadge } from '../../components/status-badge';
import { daysSince, formatDateTime, formatShortDate } from '../../components/format-time';
import { staleAgeDays } from './queue-columns';

interface QueueRowProps {
  row: Row;
  index: number;
  checked: boolean;
  open: boolean;
  active: boolean;
  today: string;
  style: CSSProperties;
  onOpen: (row: Row, index: number) => void;
  onCheck: (row: Row, index: number, range: boolean) => void;
}

const dateCell = (iso: string | null) =>
  iso === null ? (
    <span className="cell-empty">—</span>
  ) : (
    <span title={formatDateTime(iso)}>{formatShortDate(iso)}</span>
  );

export const QueueRow = memo(function QueueRow(props: QueueRowProps) {
  const { row, index, checked, open, active, today, style, onOpen, onCheck } = props;
  const { t } = useTranslation('queue');
  const age = daysSince(row.createdAt);
  const finished = isReadOnly(row.status);
  const overdue = !finished && row.nextFollowUp !== null && row.nextFollowUp <= today;
  const stale = !finished && age >= staleAgeDays;
  const classes = ['queue-row', open && 'selected', checked && 'checked', active && 'active', overdue && 'overdue']
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      role="row"
      aria-rowindex={index + 2}
      aria-selected={checked}
      aria-current={open ? 'true' : undefined}
      id={`queue-row-${index}`}
      className={classes}
      style={style}
      data-index={index}
      onClick={() => onOpen(row, index)}
    >
      <td role="gridcell" className="cell-check">
        <input
          type="checkbox"
          aria-label={t('row.select', { company: row.companyName })}
          checked={checked}
          tabIndex={-1}
          onClick={(event: MouseEvent<HTMLInputElement>) => {
            event.stopPropagation();
            onCheck(row, index, event.shiftKey);
          }}
          onChange={() => undefined}
        />
      </td>
      <td role="gridcell" className="cell-primary" title={row.companyName}>
        {row.companyName}
      </td>
      <td role="gridcell" title={row.defaultDomain}>
        {row.defaultDomain}
      </td>
      <td role="gridcell" className={row.resellerName ? undefined : 'cell-muted'}>
        {row.kind === 'indirect' ? (row.resellerName ?? t('row.noReseller')) : t('row.direct')}
      </td>
      <td role="gridcell">
        <StatusBadge status={row.status} />
      </td>
      <td role="gridcell">{dateCell(row.linkSentAt)}</td>
      <td role="gridcell">{dateCell(row.lastVerifiedAt)}</td>
      <td role="gridcell" className={overdue ? 'cell-overdue' : undefined}>
        {row.nextFollowUp === null ? (
          <span className="cell-empty">—</span>
        ) : (
          <span title={overdue ? t('row.followUpOverdue', { date: row.nextFollowUp }) : row.nextFollowUp}>
            {overdue && <span className="visually-hidden">{t('row.overdue')}</span>}
            {formatShortDate(`${row.nextFollowUp}T12:00:00`)}
          </span>
        )}
      </td>
      <td role="gridcell" title={row.owner}>
        {row.owner}
      </td>
      <td
        role="gridcell"
        className={stale ? 'cell-stale' : undefined}
        title={t('row.added', { date: formatDateTime(row.createdAt) })}
      >
        {t('row.ageDays', { days: age })}
      </td>
    </tr>
  );
});
