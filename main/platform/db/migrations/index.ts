// The ordered list of schema migrations. Each file is imported as a string (Vite's ?raw) so the bundled main
// process carries its schema with it. Add a migration by adding NNN-name.sql and one line here.
import initial from './001-initial.sql?raw';
import partnerCenter from './002-partner-center.sql?raw';
import queue from './003-queue.sql?raw';
import conversionReports from './004-conversion-reports.sql?raw';
import email from './005-email.sql?raw';
import offline from './006-offline.sql?raw';
import gdap from './007-gdap.sql?raw';
import team from './008-team.sql?raw';
import teamSameCustomer from './009-team-same-customer.sql?raw';
import teamViews from './010-team-views.sql?raw';
import outboxLease from './011-outbox-lease.sql?raw';
import gdapAccess from './012-gdap-access.sql?raw';
import emailLanguages from './013-email-languages.sql?raw';
import teamReferenceData from './014-team-reference-data.sql?raw';
import reminderCandidates from './015-reminder-candidates.sql?raw';
import outboxWindows from './016-outbox-windows.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: '001-initial', sql: initial },
  { version: 2, name: '002-partner-center', sql: partnerCenter },
  { version: 3, name: '003-queue', sql: queue },
  { version: 4, name: '004-conversion-reports', sql: conversionReports },
  { version: 5, name: '005-email', sql: email },
  { version: 6, name: '006-offline', sql: offline },
  { version: 7, name: '007-gdap', sql: gdap },
  { version: 8, name: '008-team', sql: team },
  { version: 9, name: '009-team-same-customer', sql: teamSameCustomer },
  { version: 10, name: '010-team-views', sql: teamViews },
  { version: 11, name: '011-outbox-lease', sql: outboxLease },
  { version: 12, name: '012-gdap-access', sql: gdapAccess },
  { version: 13, name: '013-email-languages', sql: emailLanguages },
  { version: 14, name: '014-team-reference-data', sql: teamReferenceData },
  { version: 15, name: '015-reminder-candidates', sql: reminderCandidates },
  { version: 16, name: '016-outbox-windows', sql: outboxWindows },
];
