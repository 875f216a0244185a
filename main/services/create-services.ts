// Builds every service on one database, one credential store and one Partner Center connection. The Electron
// shell, the CLI, the browser test harness and the integration tests all start AuthDesk through here.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/ipc-error';
import type { AppConfig } from '../config/app-config';
import { createKeychainCredentialStore, type CredentialStore } from '../credentials/credential-store';
import { openDatabase } from '../db/connection';
import { getPartnerProfile } from '../db/settings-repository';
import type { OpenExternal } from '../security/external-url-policy';
import { createAuthorizationLinkService, type AuthorizationLinkService } from './authorization-link-service';
import { createCheckoutService, type CheckoutService } from './checkout-service';
import { createCustomerService, type CustomerService } from './customer-service';
import { connectPartnerCenter } from './partner-center-connection';
import { createPartnerProfileService, type PartnerProfileService } from './partner-profile-service';
import { createResellerService, type ResellerService } from './reseller-service';
import { createSandboxService, type SandboxService } from './sandbox-service';
import type { EmitPushEvent, ServiceContext } from './service-context';
import { createVerificationService, type VerificationService } from './verification-service';

export const databaseFileName = 'authdesk.db';

// What differs between the app, the harness and tests; everything has a production default.
export interface ServiceOverrides {
  credentials?: CredentialStore;
  now?: () => Date;
  emit?: EmitPushEvent;
  // shell.openExternal in Electron; URLs pass external-url-policy before they get here.
  openExternal?: OpenExternal;
}

export interface Services {
  config: AppConfig;
  mode: 'sandbox' | 'production';
  db: Database;
  appInfo(): Promise<AppInfo>;
  partnerProfile: PartnerProfileService;
  resellers: ResellerService;
  customers: CustomerService;
  links: AuthorizationLinkService;
  verification: VerificationService;
  checkout: CheckoutService;
  sandbox: SandboxService;
  close(): Promise<void>;
}

const noMailClient: OpenExternal = async () => {
  throw new AppError('conflict', 'No mail client can be opened from here: copy the instructions instead.');
};

export async function createServices(config: AppConfig, overrides: ServiceOverrides = {}): Promise<Services> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(path.join(config.dataDir, databaseFileName));
  try {
    const credentials = overrides.credentials ?? createKeychainCredentialStore();
    const context: ServiceContext = {
      db,
      now: overrides.now ?? (() => new Date()),
      actor: config.actor,
      emit: overrides.emit ?? (() => undefined),
    };
    const connection = await connectPartnerCenter({ config, credentials, profile: getPartnerProfile(db) });
    const partnerCenter = () => connection.client();
    const resellers = createResellerService(context, partnerCenter);
    let closed = false;
    return {
      config,
      mode: connection.mode,
      db,
      appInfo: async () => ({
        version: config.version,
        mode: connection.mode,
        dataDir: config.dataDir,
        partnerCenterUrl: connection.url,
        keychain: await credentials.status(),
      }),
      partnerProfile: createPartnerProfileService(context, (profile) => connection.partnerChanged(profile)),
      resellers,
      customers: createCustomerService(context, resellers),
      links: createAuthorizationLinkService(context, {
        partnerCenter,
        resellers,
        openExternal: overrides.openExternal ?? noMailClient,
      }),
      verification: createVerificationService(context, partnerCenter),
      checkout: createCheckoutService(context),
      sandbox: createSandboxService(context, connection.simulatorUrl),
      async close() {
        if (closed) return;
        closed = true;
        try {
          await connection.stop();
        } finally {
          db.close();
        }
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
