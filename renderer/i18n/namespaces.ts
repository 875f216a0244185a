// The translation catalogs are split by feature, like the renderer's folders: each feature owns its
// renderer/i18n/locales/<language>/<namespace>.json. 'common' holds the app shell and shared components,
// 'domain' the names of statuses, roles and checks defined in shared/.
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
] as const;
export type Namespace = (typeof namespaces)[number];
