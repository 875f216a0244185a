// A small history with known timestamps whose every report figure is computed by hand in
// test/unit/reports/conversion-report.test.ts: nine customers, two owners, two resellers and one without.
import type { Database } from 'better-sqlite3';
import type { CustomerEventType } from '../../shared/domain/customer-event';
import type { CustomerStatus } from '../../shared/domain/customer-status';
import { insertCustomer } from '../../main/features/customers/customers-repository';
import { appendEvent } from '../../main/features/customers/events-repository';
import { sampleCustomer } from './sample-customer';

// The fixed clock of the report tests: a Monday.
export const reportNow = new Date('2026-03-02T12:00:00.000Z');

const fabrikam = { resellerMpnId: '4391507', resellerName: 'Fabrikam IT Services' };
const northwind = { resellerMpnId: '5123456', resellerName: 'Northwind Traders' };
const noReseller = { resellerMpnId: null, resellerName: null };

interface HistoryCustomer {
  id: string;
  owner: string;
  reseller: { resellerMpnId: string | null; resellerName: string | null };
  createdAt: string;
  status: CustomerStatus;
  events: [CustomerEventType, string][];
}

export const reportHistory: HistoryCustomer[] = [
  {
    id: 'A',
    owner: 'anna',
    reseller: fabrikam,
    createdAt: '2026-02-02T09:00:00.000Z',
    status: 'checked-out',
    events: [
      ['link-generated', '2026-02-02T09:30:00.000Z'],
      ['link-copied', '2026-02-02T10:00:00.000Z'],
      ['verification-passed', '2026-02-02T12:00:00.000Z'],
      ['checked-out', '2026-02-03T09:00:00.000Z'],
    ],
  },
  {
    id: 'B',
    owner: 'anna',
    reseller: fabrikam,
    createdAt: '2026-02-04T09:00:00.000Z',
    status: 'authorized',
    events: [
      ['instructions-copied', '2026-02-04T10:00:00.000Z'],
      ['link-copied', '2026-02-05T10:00:00.000Z'],
      ['verification-failed', '2026-02-05T11:00:00.000Z'],
      ['verification-passed', '2026-02-05T16:00:00.000Z'],
      ['verification-passed', '2026-02-06T16:00:00.000Z'],
    ],
  },
  {
    id: 'C',
    owner: 'ben',
    reseller: northwind,
    // A Sunday: still the week of Monday 2 February.
    createdAt: '2026-02-08T23:30:00.000Z',
    status: 'checked-out',
    events: [
      ['mail-client-opened', '2026-02-09T00:00:00.000Z'],
      ['verification-passed', '2026-02-12T00:00:00.000Z'],
      ['checked-out', '2026-02-12T01:00:00.000Z'],
    ],
  },
  {
    id: 'D',
    owner: 'ben',
    reseller: noReseller,
    createdAt: '2026-02-09T08:00:00.000Z',
    status: 'sent',
    events: [['link-copied', '2026-02-10T08:00:00.000Z']],
  },
  {
    id: 'E',
    owner: 'anna',
    reseller: northwind,
    createdAt: '2026-02-10T08:00:00.000Z',
    status: 'needs-attention',
    events: [
      ['link-copied', '2026-02-27T12:00:00.000Z'],
      ['verification-partial', '2026-02-28T12:00:00.000Z'],
    ],
  },
  {
    id: 'F',
    owner: 'ben',
    reseller: fabrikam,
    createdAt: '2026-02-16T08:00:00.000Z',
    status: 'link-ready',
    events: [['link-generated', '2026-02-16T08:05:00.000Z']],
  },
  {
    id: 'G',
    owner: 'anna',
    reseller: fabrikam,
    createdAt: '2026-02-17T08:00:00.000Z',
    status: 'checked-out',
    // Verified without a recorded hand-off (the link was given some other way): counts as sent, has no duration.
    events: [
      ['verification-passed', '2026-02-18T08:00:00.000Z'],
      ['checked-out', '2026-02-18T09:00:00.000Z'],
    ],
  },
  {
    id: 'H',
    owner: 'ben',
    reseller: northwind,
    createdAt: '2026-02-18T08:00:00.000Z',
    status: 'archived',
    events: [
      ['link-copied', '2026-02-18T09:00:00.000Z'],
      ['archived', '2026-02-20T09:00:00.000Z'],
    ],
  },
  {
    id: 'I',
    owner: 'anna',
    reseller: fabrikam,
    // A Sunday: the week of Monday 23 February.
    createdAt: '2026-03-01T08:00:00.000Z',
    status: 'authorized',
    events: [
      ['link-copied', '2026-03-01T09:00:00.000Z'],
      ['verification-passed', '2026-03-01T09:30:00.000Z'],
    ],
  },
];

export function insertReportHistory(db: Database, history: HistoryCustomer[] = reportHistory): void {
  db.transaction(() => {
    for (const customer of history) {
      insertCustomer(
        db,
        sampleCustomer({
          id: customer.id,
          companyName: `Company ${customer.id}`,
          domainPrefix: `company${customer.id.toLowerCase()}`,
          ...customer.reseller,
          status: customer.status,
          createdAt: customer.createdAt,
          updatedAt: customer.createdAt,
        }),
        customer.owner,
      );
      const events: [CustomerEventType, string][] = [['created', customer.createdAt], ...customer.events];
      for (const [type, at] of events) {
        appendEvent(db, { customerId: customer.id, type, at, actor: customer.owner, summary: type });
      }
    }
  })();
}
