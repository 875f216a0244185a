// Every figure of the conversion report against a history computed by hand (test/support/report-history.ts),
// with a fixed clock; and the same figures when the history predates migration 004 (its backfill).
import { beforeEach, describe, expect, it } from 'vitest';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { openDatabase } from '../../../../main/platform/db/connection';
import { migrate } from '../../../../main/platform/db/migrate';
import { migrations } from '../../../../main/platform/db/migrations/index';
import { buildConversionReport } from '../../../../main/features/reports/conversion-report-service';
import type { ReportFilter } from '../../../../shared/domain/conversion-report';
import { insertReportHistory, reportNow } from '../../../support/report-history';

const all: ReportFilter = { from: null, to: null, stalledDays: 7, scope: 'team' };
const hours = 3600;

describe('conversion report', () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(':memory:');
    insertReportHistory(db);
  });

  it('counts the funnel: a later step counts as passing the earlier ones', () => {
    const report = buildConversionReport(db, all, reportNow);
    // Sent: everyone but F (G was authorized without a recorded hand-off). Authorized: A, B, C, G, I.
    expect(report.funnel).toEqual({ added: 9, sent: 8, authorized: 5, checkedOut: 3 });
  });

  it('computes the median and 90th percentile from first hand-off to first passed verification', () => {
    // A 2 h, B 30 h (first hand-off to first pass), C 72 h, I 0.5 h; G has no hand-off.
    // Sorted 1800, 7200, 108000, 259200 s: median at rank 1.5, p90 at rank 2.7.
    const report = buildConversionReport(db, all, reportNow);
    expect(report.timeToAuthorize).toEqual({
      count: 4,
      medianSeconds: 7200 + 0.5 * (108_000 - 7200),
      p90Seconds: expect.closeTo(108_000 + 0.7 * (259_200 - 108_000), 6),
    });
  });

  it('breaks the funnel down by owner, by reseller and by week of creation', () => {
    const report = buildConversionReport(db, all, reportNow);
    expect(report.byOwner).toEqual([
      { key: 'anna', label: 'anna', added: 5, sent: 5, authorized: 4, checkedOut: 2 },
      { key: 'ben', label: 'ben', added: 4, sent: 3, authorized: 1, checkedOut: 1 },
    ]);
    expect(report.byReseller).toEqual([
      { key: '4391507', label: 'Fabrikam IT Services (4391507)', added: 5, sent: 4, authorized: 4, checkedOut: 2 },
      { key: '5123456', label: 'Northwind Traders (5123456)', added: 3, sent: 3, authorized: 1, checkedOut: 1 },
      { key: '', label: 'No reseller', added: 1, sent: 1, authorized: 0, checkedOut: 0 },
    ]);
    // Weeks start on Monday: C (Sunday 8 Feb) belongs to the week of 2 Feb, I (Sunday 1 Mar) to 23 Feb.
    expect(report.byWeek).toEqual([
      { key: '2026-02-02', label: 'Week of 2026-02-02', added: 3, sent: 3, authorized: 3, checkedOut: 2 },
      { key: '2026-02-09', label: 'Week of 2026-02-09', added: 2, sent: 2, authorized: 0, checkedOut: 0 },
      { key: '2026-02-16', label: 'Week of 2026-02-16', added: 3, sent: 2, authorized: 1, checkedOut: 1 },
      { key: '2026-02-23', label: 'Week of 2026-02-23', added: 1, sent: 1, authorized: 1, checkedOut: 0 },
    ]);
  });

  it('narrows every figure to the user\'s own customers for "me", and says whose they are', () => {
    const mine = buildConversionReport(db, { ...all, scope: 'me' }, reportNow, 'ben');
    expect(mine.filter).toMatchObject({ scope: 'me', owner: 'ben' });
    expect(mine.funnel).toEqual({ added: 4, sent: 3, authorized: 1, checkedOut: 1 });
    expect(mine.byOwner).toEqual([{ key: 'ben', label: 'ben', added: 4, sent: 3, authorized: 1, checkedOut: 1 }]);
    expect(mine.byReseller.reduce((sum, row) => sum + row.added, 0)).toBe(4);
    expect(mine.stalled.map((customer) => customer.owner)).toEqual(['ben']);
    const annas = buildConversionReport(db, { ...all, scope: 'me' }, reportNow, 'anna');
    expect(annas.funnel).toEqual({ added: 5, sent: 5, authorized: 4, checkedOut: 2 });
    expect(annas.stalled).toEqual([]);
    // The team's figures are the sum of its members'.
    const team = buildConversionReport(db, all, reportNow, 'ben');
    expect(team.filter).toMatchObject({ scope: 'team', owner: null });
    expect(team.funnel.added).toBe(mine.funnel.added + annas.funnel.added);
    expect(team.timeToAuthorize.count).toBe(mine.timeToAuthorize.count + annas.timeToAuthorize.count);
  });

  it('lists customers sent at least N days ago and not authorized, open ones only, longest waiting first', () => {
    const week = buildConversionReport(db, all, reportNow);
    // D sent 10 Feb 08:00, 20 days and 4 hours before the clock; H was sent too but is archived.
    expect(week.stalled).toEqual([
      {
        customerId: 'D',
        companyName: 'Company D',
        owner: 'ben',
        resellerName: null,
        status: 'sent',
        sentAt: '2026-02-10T08:00:00.000Z',
        daysSinceSent: 20,
      },
    ]);
    expect(week.stalledTotal).toBe(1);
    // E was sent exactly 3 days before the clock: on the boundary, so stalled.
    const threeDays = buildConversionReport(db, { ...all, stalledDays: 3 }, reportNow);
    expect(threeDays.stalled.map((row) => [row.customerId, row.daysSinceSent, row.status])).toEqual([
      ['D', 20, 'sent'],
      ['E', 3, 'needs-attention'],
    ]);
    expect(threeDays.stalledTotal).toBe(2);
    expect(buildConversionReport(db, { ...all, stalledDays: 30 }, reportNow).stalled).toEqual([]);
  });

  it('filters every figure by the creation date range, both ends inclusive', () => {
    // 9 to 17 February: D, E, F, G (G created on the 17th).
    const report = buildConversionReport(
      db,
      { from: '2026-02-09', to: '2026-02-17', stalledDays: 7, scope: 'team' },
      reportNow,
    );
    expect(report.funnel).toEqual({ added: 4, sent: 3, authorized: 1, checkedOut: 1 });
    expect(report.timeToAuthorize).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
    // A tie in customers added is ordered by name.
    expect(report.byOwner.map((row) => [row.key, row.added])).toEqual([
      ['anna', 2],
      ['ben', 2],
    ]);
    expect(report.stalled.map((row) => row.customerId)).toEqual(['D']);
    // One day: only C, so median and p90 are its own 72 hours.
    const oneDay = buildConversionReport(
      db,
      { from: '2026-02-08', to: '2026-02-08', stalledDays: 7, scope: 'team' },
      reportNow,
    );
    expect(oneDay.funnel).toEqual({ added: 1, sent: 1, authorized: 1, checkedOut: 1 });
    expect(oneDay.timeToAuthorize).toEqual({ count: 1, medianSeconds: 72 * hours, p90Seconds: 72 * hours });
    // Nothing in range: zeros, not errors.
    const empty = buildConversionReport(db, { from: '2027-01-01', to: null, stalledDays: 7, scope: 'team' }, reportNow);
    expect(empty.funnel).toEqual({ added: 0, sent: 0, authorized: 0, checkedOut: 0 });
    expect(empty.byWeek).toEqual([]);
  });

  it('gives the same figures for a history written before migration 004 (rebuilt from the events)', () => {
    const file = new BetterSqlite3(':memory:');
    migrate(file, migrations.slice(0, 3));
    insertReportHistory(file);
    migrate(file);
    expect(buildConversionReport(file, all, reportNow)).toEqual(buildConversionReport(db, all, reportNow));
  });
});
