// Search, the filters (status, reseller, owner, age, follow-up) and "New customer" above the queue. In a
// narrow queue pane the secondary filters fold behind a "Filters" button that counts the ones in use, so the
// toolbar keeps to one line and the rows keep the room (the folding itself is CSS: see queue.css).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';
import { customerStatuses } from '../../../shared/domain/customer-status';
import { currentUserOwner, type FollowUpFilter, type QueueStatusFilter } from '../../../shared/domain/queue-query';

// The age filter's choices in days ('' for any age).
const ageOptions = [7, 14, 30];

export function QueueToolbar() {
  const { t } = useTranslation(['queue', 'domain']);
  const filter = useAppStore((state) => state.filter);
  const setFilter = useAppStore((state) => state.setFilter);
  const facets = useAppStore((state) => state.facets);
  const openNewCustomer = useAppStore((state) => state.setNewCustomerOpen);
  const profileReady = useAppStore((state) => state.profile !== null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const secondaryInUse = [
    filter.reseller !== null,
    filter.owner !== null,
    filter.minAgeDays !== null,
    filter.followUp !== 'any',
  ].filter(Boolean).length;
  return (
    <div className="queue-toolbar" role="search">
      <input
        type="search"
        aria-label={t('toolbar.search')}
        aria-keyshortcuts="/"
        placeholder={t('toolbar.searchPlaceholder')}
        value={filter.search}
        onChange={(event) => setFilter({ search: event.target.value })}
      />
      <select
        aria-label={t('toolbar.statusFilter')}
        value={filter.status}
        onChange={(event) => setFilter({ status: event.target.value as QueueStatusFilter })}
      >
        <option value="open">{t('toolbar.statusOpen')}</option>
        <option value="all">{t('toolbar.statusAll')}</option>
        {customerStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`domain:status.${status}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="filters-toggle"
        aria-expanded={filtersOpen}
        aria-controls="queue-filters"
        onClick={() => setFiltersOpen((open) => !open)}
      >
        {secondaryInUse > 0 ? t('toolbar.filtersInUse', { count: secondaryInUse }) : t('toolbar.filters')}
      </button>
      <div id="queue-filters" className="queue-filters" data-open={filtersOpen}>
        <select
          aria-label={t('toolbar.resellerFilter')}
          value={filter.reseller ?? ''}
          onChange={(event) => setFilter({ reseller: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{t('toolbar.allResellers')}</option>
          {facets?.resellers.map((reseller) => (
            <option key={reseller} value={reseller}>
              {reseller}
            </option>
          ))}
        </select>
        <select
          aria-label={t('toolbar.ownerFilter')}
          value={filter.owner ?? ''}
          onChange={(event) => setFilter({ owner: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{t('toolbar.allOwners')}</option>
          <option value={currentUserOwner}>
            {facets ? t('toolbar.meNamed', { name: facets.currentUser }) : t('toolbar.me')}
          </option>
          {facets?.owners
            .filter((owner) => owner !== facets.currentUser)
            .map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
        </select>
        <select
          aria-label={t('toolbar.ageFilter')}
          value={filter.minAgeDays === null ? '' : String(filter.minAgeDays)}
          onChange={(event) => setFilter({ minAgeDays: event.target.value === '' ? null : Number(event.target.value) })}
        >
          <option value="">{t('toolbar.anyAge')}</option>
          {ageOptions.map((days) => (
            <option key={days} value={String(days)}>
              {t('toolbar.olderThan', { count: days })}
            </option>
          ))}
        </select>
        <select
          aria-label={t('toolbar.followUpFilter')}
          value={filter.followUp}
          onChange={(event) => setFilter({ followUp: event.target.value as FollowUpFilter })}
        >
          <option value="any">{t('toolbar.anyFollowUp')}</option>
          <option value="due">{t('toolbar.followUpDue')}</option>
          <option value="none">{t('toolbar.noFollowUp')}</option>
        </select>
      </div>
      <button
        type="button"
        className="primary"
        aria-keyshortcuts="N"
        disabled={!profileReady}
        title={profileReady ? t('toolbar.newCustomerTitle') : t('toolbar.profileFirst')}
        onClick={() => openNewCustomer(true)}
      >
        {t('toolbar.newCustomer')}
      </button>
      <button
        type="button"
        disabled={!profileReady}
        title={profileReady ? t('toolbar.importCsvTitle') : t('toolbar.profileFirst')}
        onClick={() => useAppStore.getState().setImportOpen(true)}
      >
        {t('toolbar.importCsv')}
      </button>
    </div>
  );
}
