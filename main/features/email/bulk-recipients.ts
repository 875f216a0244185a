// The recipients of a bulk email, resolved in main from the window's query (the ticked customers or the
// queue's filter): the count of each kind left out, the first names for the dialog, the ids to send to, and
// the mail-merge file for those without a mail server. Recipients have a link, are not archived and have not
// authorized yet; they come in the order the customers were added.
import type { QueueFilter } from '../../../shared/domain/queue-query';
import type { CustomerStatus } from '../../../shared/domain/customer-status';
import { customerStatusLabels } from '../../../shared/domain/customer-status';
import {
  recipientsSampleLimit,
  type Recipient,
  type RecipientsPreview,
  type RecipientsQuery,
} from '../../../shared/email/bulk-recipients';
import { writeCsv } from '../../../shared/csv/write-csv';
import { statementCache } from '../../platform/db/statement-cache';
import type { ServiceContext } from '../../platform/service-context';

export interface BulkRecipients {
  preview(query: RecipientsQuery): RecipientsPreview;
  ids(query: RecipientsQuery): string[];
  mailMergeCsv(query: RecipientsQuery): { fileName: string; csv: string; rows: number };
}

// The ids of the customers a queue filter matches, as the queue resolves them (its own SQL).
export type MatchingCustomerIds = (filter: QueueFilter) => string[];

const recipient = `c.authorization_link IS NOT NULL AND c.status NOT IN ('archived', 'authorized', 'checked-out')`;

interface RecipientRow {
  id: string;
  company_name: string;
  contact_name: string;
  contact_email: string;
  status: CustomerStatus;
  authorization_link: string;
}

// @ids: a JSON array of customer ids.
const statements = statementCache((db) => ({
  counts: db.prepare<{ ids: string }, { total: number; recipients: number | null; authorized: number | null }>(
    `SELECT count(*) AS total, sum(${recipient}) AS recipients,
       sum(c.status IN ('authorized', 'checked-out')) AS authorized
     FROM customers c WHERE c.id IN (SELECT value FROM json_each(@ids))`,
  ),
  recipients: db.prepare<{ ids: string; limit: number }, RecipientRow>(
    `SELECT c.id, c.company_name, c.contact_name, c.contact_email, c.status, c.authorization_link
     FROM customers c WHERE c.id IN (SELECT value FROM json_each(@ids)) AND ${recipient}
     ORDER BY c.created_at, c.seq LIMIT @limit`,
  ),
}));

const toRecipient = (row: RecipientRow): Recipient => ({
  customerId: row.id,
  companyName: row.company_name,
  contactName: row.contact_name,
  contactEmail: row.contact_email,
  status: row.status,
});

export function createBulkRecipients(context: ServiceContext, matchingIds: MatchingCustomerIds): BulkRecipients {
  const named = (query: RecipientsQuery): string =>
    JSON.stringify(query.kind === 'customers' ? [...new Set(query.customerIds)] : matchingIds(query.filter));
  const all = (query: RecipientsQuery) => statements(context.db).recipients.all({ ids: named(query), limit: -1 });
  return {
    preview(query) {
      const ids = named(query);
      // One read transaction: the counts and the names describe the same moment.
      return context.db.transaction(() => {
        const counts = statements(context.db).counts.get({ ids });
        const total = counts?.total ?? 0;
        const recipients = counts?.recipients ?? 0;
        const alreadyAuthorized = counts?.authorized ?? 0;
        const sample = statements(context.db).recipients.all({ ids, limit: recipientsSampleLimit });
        return {
          total,
          recipients,
          alreadyAuthorized,
          withoutLink: total - recipients - alreadyAuthorized,
          sample: sample.map(toRecipient),
        };
      })();
    },
    ids: (query) => all(query).map((row) => row.id),
    mailMergeCsv(query) {
      const rows = all(query);
      return {
        fileName: 'authdesk-mail-merge.csv',
        // The project's CSV writer: names that would run as a spreadsheet formula are defused.
        csv: writeCsv(
          ['Company', 'Contact', 'Email', 'Authorization link', 'Status'],
          rows.map((row) => [
            row.company_name,
            row.contact_name,
            row.contact_email,
            row.authorization_link,
            customerStatusLabels[row.status],
          ]),
        ),
        rows: rows.length,
      };
    },
  };
}
