// The recipients of a bulk email, resolved in main from the window's query (the ticked customers or the
// queue's filter): the count of each kind left out, the first names for the dialog, the ids to send to, and
// the mail-merge file for those without a mail server. Recipients have a link, are not archived and have not
// authorized yet; they come in the order the customers were added.
import type { CustomerStatus } from '../../../shared/domain/customer-status';
import { customerStatusLabels } from '../../../shared/domain/customer-status';
import { recipientsSampleLimit, type Recipient, type RecipientsPreview } from '../../../shared/email/bulk-recipients';
import type { CustomerSelection } from '../../../shared/domain/customer-selection';
import type { Database } from 'better-sqlite3';
import type { SqlCondition } from '../../platform/db/sql-condition';
import type { ServiceContext } from '../../platform/service-context';
import type { CsvFileExport, CsvFileExportResult } from '../import-export/csv-file-export';

export interface BulkRecipients {
  preview(query: CustomerSelection): RecipientsPreview;
  ids(query: CustomerSelection): string[];
  // Asks where to save, then streams the recipients into the file (progress and Cancel under operationId).
  mailMergeCsv(query: CustomerSelection, operationId: string): Promise<CsvFileExportResult>;
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

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;
// The mail merge's columns, as SQL over the customers (c); the status as the interface names it.
const mailMergeColumns = {
  headers: ['Company', 'Contact', 'Email', 'Authorization link', 'Status'],
  cellsSql: [
    'c.company_name',
    'c.contact_name',
    'c.contact_email',
    'c.authorization_link',
    `CASE c.status ${Object.entries(customerStatusLabels)
      .map(([status, label]) => `WHEN ${sqlText(status)} THEN ${sqlText(label)}`)
      .join(' ')} ELSE c.status END`,
  ],
};

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

export function createBulkRecipients(
  context: ServiceContext,
  named: SelectedCustomers,
  // The streamed CSV file export (its save dialog, chunks, progress and Cancel); the CSV writer's rules apply,
  // so a name that would run as a spreadsheet formula is defused.
  files: Pick<CsvFileExport, 'customerRowsToFile'>,
): BulkRecipients {
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
    mailMergeCsv(query, operationId) {
      const { sql, params } = named(query);
      return files.customerRowsToFile(
        {
          suggestedName: 'authdesk-mail-merge.csv',
          ...mailMergeColumns,
          customers: { sql: `(${sql}) AND ${recipient}`, params },
        },
        operationId,
      );
    },
  };
}
