// The scheme the built renderer is served from (authdesk://app/...), instead of file://: Electron's security
// checklist asks for it, and the fuse that withholds file:// privileges would otherwise stop module scripts.
// Registered as privileged before the app is ready, so it is a standard, secure origin with fetch support.
export const appScheme = 'authdesk';
export const appHost = 'app';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;
