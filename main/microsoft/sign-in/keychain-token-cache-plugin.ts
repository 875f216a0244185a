// MSAL's token cache, persisted in the OS keychain through MSAL's ICachePlugin: read before MSAL looks at its
// cache, written after MSAL changed it. The refresh token never touches the disk or the database.
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { CredentialStore } from '../../platform/keychain/credential-store';

export const tokenCacheSecretName = 'partner-center-token-cache';

export function createKeychainCachePlugin(credentials: CredentialStore, name = tokenCacheSecretName): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      const serialized = await credentials.get(name);
      if (serialized !== null) context.tokenCache.deserialize(serialized);
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (!context.cacheHasChanged) return;
      await credentials.set(name, context.tokenCache.serialize());
    },
  };
}
