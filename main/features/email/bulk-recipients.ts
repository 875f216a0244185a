// The recipients of a bulk email, resolved in main from the window's query (the ticked customers or the
// queue's filter): the count of each kind left out, the first names for the dialog, the ids to send to, and
// the mail-merge file for those without a mail server. Recipients have a link, are not archived and have not
// authorized yet; they come in the order the customers were added.
import type { CustomerStatus } from '../../../shared/domain/customer-status';
import { customerStatusLabels } from '../../../shared/domain/customer-status';
import { recipientsSampleLimit, type Recipient, type RecipientsPreview } from '../../../shared/email/bulk-recipients';
import type { CustomerSelection } from '../../../shared/domain/customer-selection';
import { writeCsv } from '../../../shared/csv/write-csv';
import type { Database } from 'better-sqlite3';
import type { SqlCondition } from '../../platform/db/sql-condition';
import type { ServiceContext } from '../../platform/service-context';

export interface BulkRecipients {
  preview(query: CustomerSelection): RecipientsPreview;
  ids(query: CustomerSelection): string[];
  mailMergeCsv(query: CustomerSelection): { fileName: string; csv: string; rows: number };
}

// The customers a queue selection names, as the queue's own SQL condition on customers (c): a view of a
// hundred thousand customers is counted in SQL, never listed.
export type SelectedCustomers = (selection: CustomerSelection) => SqlCondition;

const recipient = `c.authorization_link IS NOT NULL AND c.status NOT IN ('archived', 'authorized', 'checked-out')`;

interface RecipientRow {
  id: string;
  company_name: string;
  contact_name: string;
  contact_email: string;
  status: CustomerStatus;
  authorization_link: string;
}

type Counts = { total: number; recipients: number | null; authorized: number | null };

function prepareStatements(db: Database, condition: string) {
  return {
    counts: db.prepare<Record<string, unknown>, Counts>(
      `SELECT count(*) AS total, sum(${recipient}) AS recipients,
         sum(c.status IN ('authorized', 'checked-out')) AS authorized
       FROM customers c WHERE ${condition}`,
    ),
    recipients: db.prepare<Record<string, unknown>, RecipientRow>(
      `SELECT c.id, c.company_name, c.contact_name, c.contact_email, c.status, c.authorization_link
       FROM customers c WHERE (${condition}) AND ${recipient}
       ORDER BY c.created_at, c.seq LIMIT @limit`,
    ),
  };
}

// Compiled once per database and condition text (a handful: the queue builds them from fixed pieces).
const compiled = new WeakMap<Database, Map<string, ReturnType<typeof prepareStatements>>>();
function statements(db: Database, condition: string) {
  let cache = compiled.get(db);
  if (!cache) compiled.set(db, (cache = new Map()));
  let prepared = cache.get(condition);
  if (!prepared) cache.set(condition, (prepared = prepareStatements(db, condition)));
  return prepared;
}

const toRecipient = (row: RecipientRow): Recipient => ({
  customerId: row.id,
  companyName: row.company_name,
  contactName: row.contact_name,
  contactEmail: row.contact_email,
  status: row.status,
});

export function createBulkRecipients(context: ServiceContext, named: SelectedCustomers): BulkRecipients {
  const all = (query: CustomerSelection) => {
    const { sql, params } = named(query);
    return statements(context.db, sql).recipients.all({ ...params, limit: -1 });
  };
  return {
    preview(query) {
      const { sql, params } = named(query);
      // One read transaction: the counts and the names describe the same moment.
      return context.db.transaction(() => {
        const counts = statements(context.db, sql).counts.get(params);
        const total = counts?.total ?? 0;
        const recipients = counts?.recipients ?? 0;
        const alreadyAuthorized = counts?.authorized ?? 0;
        const sample = statements(context.db, sql).recipients.all({ ...params, limit: recipientsSampleLimit });
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
