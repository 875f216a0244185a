// The Reports view: conversion tracking for sales teams. Whose customers (the user's own, or the team's), a
// date range (customers created between two days) and the stalled threshold; the funnel, time to authorize, breakdowns by owner, reseller and week, the stalled
// list; CSV export and import beside them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reportFilterSchema, type ReportFilter, type ReportScope } from '../../../shared/domain/conversion-report';
import { useAppStore } from '../../store/app-store';
import { useTeamStore } from '../team/team-store';
import { BreakdownSection } from './breakdown-section';
import { ExportPanel } from './export-panel';
import { FunnelSection } from './funnel-section';
import { StalledSection } from './stalled-section';
import { useConversionReport } from './use-conversion-report';
import '../../styles/reports.css';
import { translateMessage } from '../../i18n/translate-message';

const defaultFilter: ReportFilter = { from: null, to: null, stalledDays: 7, scope: 'team' };

export function ReportsView() {
  const { t } = useTranslation('reports');
  const [filter, setFilter] = useState<ReportFilter>(defaultFilter);
  const [draft, setDraft] = useState({ from: '', to: '', stalledDays: '7' });
  const [filterError, setFilterError] = useState<string | null>(null);
  const { report, error } = useConversionReport(filter);
  const inTeam = useTeamStore((state) => state.status?.configured ?? false);
  const scopes: { scope: ReportScope; label: string }[] = [
    { scope: 'me', label: t('view.me') },
    { scope: 'team', label: inTeam ? t('view.team') : t('view.everyone') },
  ];

  // The filter schema's own messages, in the language of the screens; any other falls back to the schema's text.
  const filterMessage = (issue: { code: string; path: PropertyKey[]; message: string } | undefined): string => {
    if (!issue) return t('filter.checkDates');
    const field = issue.path[0];
    if (issue.code === 'custom') return t('filter.dateOrder');
    if ((field === 'from' || field === 'to') && issue.code === 'invalid_format') return t('filter.dateFormat');
    if (field === 'stalledDays' && issue.code === 'too_small') return t('filter.stalledMin');
    return translateMessage(issue.message);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = reportFilterSchema.safeParse({
      from: draft.from === '' ? null : draft.from,
      to: draft.to === '' ? null : draft.to,
      stalledDays: Number(draft.stalledDays),
      scope: filter.scope,
    });
    if (!parsed.success) {
      setFilterError(filterMessage(parsed.error.issues[0]));
      return;
    }
    setFilterError(null);
    setFilter(parsed.data);
  };

  return (
    <div className="reports">
      <div className="reports-header">
        <h1>{t('view.title')}</h1>
        <button type="button" className="primary" onClick={() => useAppStore.getState().setImportOpen(true)}>
          {t('view.import')}
        </button>
      </div>
      <div className="report-scope" role="group" aria-label={t('view.scopeGroup')}>
        {scopes.map(({ scope, label }) => (
          <button
            key={scope}
            type="button"
            aria-pressed={filter.scope === scope}
            onClick={() => setFilter({ ...filter, scope })}
          >
            {label}
          </button>
        ))}
        <span className="panel-note">
          {filter.scope === 'me'
            ? report?.filter.owner
              ? t('view.mineOwner', { owner: report.filter.owner })
              : t('view.mine')
            : inTeam
              ? t('view.teamNote')
              : t('view.desktopNote')}
        </span>
      </div>
      <form className="panel report-filter" onSubmit={apply} aria-label={t('filter.label')} noValidate>
        <label>
          {t('filter.from')}
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {t('filter.to')}
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <label>
          {t('filter.stalledAfter')}
          <input
            type="number"
            min={1}
            max={365}
            value={draft.stalledDays}
            onChange={(e) => setDraft({ ...draft, stalledDays: e.target.value })}
          />
        </label>
        <button type="submit">{t('filter.apply')}</button>
        {filterError && (
          <p className="field-error" role="alert">
            {filterError}
          </p>
        )}
        <p className="panel-note">{t('filter.note')}</p>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {report === null ? (
        !error && <p className="queue-message">{t('view.loading')}</p>
      ) : (
        <>
          <FunnelSection report={report} />
          <BreakdownSection
            id="by-owner"
            title={t('breakdown.byOwner')}
            keyLabel={t('breakdown.owner')}
            rows={report.byOwner}
          />
          <BreakdownSection
            id="by-reseller"
            title={t('breakdown.byReseller')}
            keyLabel={t('breakdown.reseller')}
            rows={report.byReseller}
          />
          <BreakdownSection
            id="by-week"
            title={t('breakdown.byWeek')}
            keyLabel={t('breakdown.week')}
            rows={report.byWeek}
          />
          <StalledSection report={report} />
        </>
      )}
      <ExportPanel />
    </div>
  );
}
