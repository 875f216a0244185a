// The translation catalogs are split by feature, like the renderer's folders: each feature owns its
// renderer/i18n/locales/<language>/<namespace>.json. 'common' holds the app shell and shared components,
// 'domain' the names of statuses, roles and checks defined in shared/; 'profile' the partner profile form,
// 'help' the Help content, 'connect' the guided connection to Partner Center, 'emailTemplates' their editor, 'messages'
// the messages shared/ and main/ write in English (see translate-message.ts).
export const namespaces = [
  'common',
  'domain',
  'queue',
  'customer',
  'verify',
  'gdap',
  'email',
  'import',
  'reports',
  'settings',
  'team',
  'connectivity',
  'sandbox',
  'updates',
  'profile',
  'help',
  'connect',
  'emailTemplates',
  'messages',
] as const;
export type Namespace = (typeof namespaces)[number];
