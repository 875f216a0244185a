// The Reports view: conversion tracking for sales teams. Whose customers (the user's own, or the team's), a
// date range (customers created between two days) and the stalled threshold; the funnel, time to authorize, breakdowns by owner, reseller and week, the stalled
// list; CSV export and import beside them.
import { useState, type FormEvent } from 'react';
import { reportFilterSchema, type ReportFilter, type ReportScope } from '../../../shared/domain/conversion-report';
import { useAppStore } from '../../store/app-store';
import { useTeamStore } from '../team/team-store';
import { BreakdownSection } from './breakdown-section';
import { ExportPanel } from './export-panel';
import { FunnelSection } from './funnel-section';
import { StalledSection } from './stalled-section';
import { useConversionReport } from './use-conversion-report';
import '../../styles/reports.css';

const defaultFilter: ReportFilter = { from: null, to: null, stalledDays: 7, scope: 'team' };

export function ReportsView() {
  const [filter, setFilter] = useState<ReportFilter>(defaultFilter);
  const [draft, setDraft] = useState({ from: '', to: '', stalledDays: '7' });
  const [filterError, setFilterError] = useState<string | null>(null);
  const { report, error } = useConversionReport(filter);
  const inTeam = useTeamStore((state) => state.status?.configured ?? false);
  const scopes: { scope: ReportScope; label: string }[] = [
    { scope: 'me', label: 'Me' },
    { scope: 'team', label: inTeam ? 'Team' : 'Everyone' },
  ];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = reportFilterSchema.safeParse({
      from: draft.from === '' ? null : draft.from,
      to: draft.to === '' ? null : draft.to,
      stalledDays: Number(draft.stalledDays),
      scope: filter.scope,
    });
    if (!parsed.success) {
      setFilterError(parsed.error.issues[0]?.message ?? 'Check the dates.');
      return;
    }
    setFilterError(null);
    setFilter(parsed.data);
  };

  return (
    <div className="reports">
      <div className="reports-header">
        <h1>Reports</h1>
        <button type="button" className="primary" onClick={() => useAppStore.getState().setImportOpen(true)}>
          Import customers from CSV…
        </button>
      </div>
      <div className="report-scope" role="group" aria-label="Whose customers">
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
            ? `Customers you own${report?.filter.owner ? ` (${report.filter.owner})` : ''}`
            : inTeam
              ? "Every member's customers"
              : 'Every customer on this desktop'}
        </span>
      </div>
      <form className="panel report-filter" onSubmit={apply} aria-label="Report filter" noValidate>
        <label>
          Created from
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          Created to
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <label>
          Stalled after (days)
          <input
            type="number"
            min={1}
            max={365}
            value={draft.stalledDays}
            onChange={(e) => setDraft({ ...draft, stalledDays: e.target.value })}
          />
        </label>
        <button type="submit">Apply</button>
        {filterError && (
          <p className="field-error" role="alert">
            {filterError}
          </p>
        )}
        <p className="panel-note">Dates are UTC days; an empty date leaves that end open.</p>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {report === null ? (
        !error && <p className="queue-message">Loading…</p>
      ) : (
        <>
          <FunnelSection report={report} />
          <BreakdownSection id="by-owner" title="By owner" keyLabel="Owner" rows={report.byOwner} />
          <BreakdownSection id="by-reseller" title="By reseller" keyLabel="Reseller" rows={report.byReseller} />
          <BreakdownSection
            id="by-week"
            title="Weekly cohorts (by week of creation)"
            keyLabel="Week"
            rows={report.byWeek}
          />
          <StalledSection report={report} />
        </>
      )}
      <ExportPanel />
    </div>
  );
}
