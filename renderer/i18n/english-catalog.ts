// The English catalog, imported by name so TypeScript knows every key: t('queue:…') with a key English lacks
// does not compile. The other languages are checked against it by test/unit/renderer/translations.test.ts.
import common from './locales/en/common.json';
import domain from './locales/en/domain.json';
import queue from './locales/en/queue.json';
import customer from './locales/en/customer.json';
import verify from './locales/en/verify.json';
import gdap from './locales/en/gdap.json';
import email from './locales/en/email.json';
import importCatalog from './locales/en/import.json';
import reports from './locales/en/reports.json';
import settings from './locales/en/settings.json';
import team from './locales/en/team.json';
import connectivity from './locales/en/connectivity.json';
import sandbox from './locales/en/sandbox.json';
import updates from './locales/en/updates.json';
import profile from './locales/en/profile.json';
import help from './locales/en/help.json';
import connect from './locales/en/connect.json';
import emailTemplates from './locales/en/emailTemplates.json';
import messages from './locales/en/messages.json';

export const englishCatalog = {
  common,
  domain,
  queue,
  customer,
  verify,
  gdap,
  email,
  import: importCatalog,
  reports,
  settings,
  team,
  connectivity,
  sandbox,
  updates,
  profile,
  help,
  connect,
  emailTemplates,
  messages,
} as const;
