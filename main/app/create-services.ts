// Builds every service on one database, one credential store and one Partner Center connection. The Electron
// shell, the CLI, the browser test harness and the integration tests all start AuthDesk through here.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppInfo, PushPayloadOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/ipc-error';
import type { AppConfig } from '../platform/config/app-config';
import { createKeychainCredentialStore, type CredentialStore } from '../platform/keychain/credential-store';
import { openOrRecoverDatabase } from '../platform/db/open-or-recover';
import type { SandboxControlClient } from '../../sandbox/index';
import { createDesktopNotifications, type DesktopNotifications } from '../features/notifications/desktop-notifications';
import { notificationAudience, notifiedHere } from '../features/notifications/notified-here';
import { noDesktopShell, type DesktopShell } from '../platform/window/desktop-shell';
import { ensurePrivateFolder } from '../platform/files/private-files';
import { getPartnerProfile } from '../features/partner-profile/partner-profile-repository';
import { createPreferencesService, type PreferencesService } from '../features/preferences/preferences-service';
import type { OpenExternal } from '../platform/security/external-url-policy';
import {
  createAuthorizationLinkService,
  type AuthorizationLinkService,
} from '../features/links/authorization-link-service';
import {
  createBulkVerificationService,
  type BulkVerificationService,
} from '../features/verification/bulk-verification-service';
import { createCheckoutService, type CheckoutService } from '../features/checkout/checkout-service';
import { createCustomerService, type CustomerService } from '../features/customers/customer-service';
import { connectPartnerCenter, productionLoginUrl } from '../microsoft/partner-center-connection';
import { createSignInService, type SignInService } from '../features/sign-in/sign-in-service';
import { createConnectionTestService, type ConnectionTestService } from '../features/sign-in/connection-test-service';
import { connectionTestTarget } from '../features/sign-in/connection-test-target';
import { createQueueService, type QueueService } from '../features/queue/queue-service';
import {
  createPartnerProfileService,
  type PartnerProfileService,
} from '../features/partner-profile/partner-profile-service';
import { createResellerService, type ResellerService } from '../features/resellers/reseller-service';
import { createSandboxService, type SandboxService } from '../features/sandbox-mode/sandbox-service';
import type { EmitPushEvent, ServiceContext } from '../platform/service-context';
import { createEmailServices, type EmailServices } from '../features/email/email-services';
import { createCsvFileExport } from '../features/import-export/csv-file-export';
import { realTimers } from '../platform/clock/timers';
import type { ChooseSavePath } from '../features/import-export/csv-file-export';
import { createReportsServices, type ReportsServices } from '../features/reports/reports-services';
import { createVerificationService, type VerificationService } from '../features/verification/verification-service';
import { createOfflineServices, type OfflineOptions, type OfflineServices } from '../features/offline/offline-services';
import { observeCalls } from '../microsoft/partner-center/observe-client';
import { createGdapService, type GdapService } from '../features/gdap/gdap-service';
import { createGraphConnection } from '../microsoft/graph/graph-connection';
import { startGdapFollower } from '../features/gdap/gdap-follower';

import { createAppLogger, type AppLogger } from '../platform/logging/app-logger';
import { redactingCredentialStore } from '../platform/keychain/redacting-credential-store';
import { createDiagnosticsService, type DiagnosticsService } from '../features/diagnostics/diagnostics-service';
import { createTeamService, type TeamService, type TeamServiceOptions } from '../features/team/team-service';
import { setChangeActor } from '../platform/db/change-capture';
import {
  createTeamCoordination,
  type TeamCoordination,
  type TeamCoordinationOptions,
} from '../features/team/team-coordination';

export const databaseFileName = 'authdesk.db';

// What differs between the app, the harness and tests; everything has a production default.
export interface ServiceOverrides {
  credentials?: CredentialStore;
  now?: () => Date;
  emit?: EmitPushEvent;
  // shell.openExternal in Electron; URLs pass external-url-policy before they get here.
  openExternal?: OpenExternal;
  // Offline-first work: injectable timers, probe and background schedule for tests and the harness.
  offline?: OfflineOptions;
  // The rotating, redacted log file (default: <data folder>/logs/authdesk.log).
  logger?: AppLogger;
  // shell.openPath in Electron: opens a folder of ours (the logs) in the file manager.
  openPath?: (path: string) => Promise<void>;
  // Electron's save dialog, for a CSV export written straight to the file; none in the CLI.
  chooseSavePath?: ChooseSavePath;
  // Tests and the harness: awaited before each chunk of a CSV export (to cancel it at a known point).
  beforeExportChunk?: () => Promise<void>;
  // Electron's notifications, badge and window focus; none in the CLI.
  desktop?: DesktopShell;
  // The shell's updater (an installed build); none elsewhere.
  updates?: UpdateControl;
  // The team sync's beat (tests and the harness).
  team?: Omit<TeamServiceOptions, 'credentials'>;
  // The team's coordination: budget windows, heartbeat (tests and benches).
  teamCoordination?: TeamCoordinationOptions;
  // false: start none of the background work (the outbox worker, background re-verification, the team sync
  // loop, the GDAP follower). The CLI acts once and exits, beside an app that may be running on the same data.
  workers?: boolean;
}

// What the window may ask of the updater: the version downloaded and waiting, and the restart that installs it.
export interface UpdateControl {
  ready(): string | null;
  restartToUpdate(): void;
}

const noSaveDialog: ChooseSavePath = async () => {
  throw new AppError('internal', 'There is no save dialog here: export with `authdesk customers export --out FILE`.');
};

const noUpdates: UpdateControl = {
  ready: () => null,
  restartToUpdate: () => undefined,
};

export interface Services {
  config: AppConfig;
  readonly mode: 'sandbox' | 'production';
  db: Database;
  appInfo(): Promise<AppInfo>;
  partnerProfile: PartnerProfileService;
  // This desktop's own preferences (the language of its screens).
  preferences: PreferencesService;
  resellers: ResellerService;
  customers: CustomerService;
  links: AuthorizationLinkService;
  verification: VerificationService;
  bulkVerification: BulkVerificationService;
  // Sign-in to Partner Center (App+User): signed in means production mode.
  signIn: SignInService;
  // "Test connection": the sign-in, one Partner Center read and one Graph read, each with its outcome.
  connectionTest: ConnectionTestService;
  checkout: CheckoutService;
  sandbox: SandboxService;
  queue: QueueService;
  email: EmailServices;
  notifications: DesktopNotifications;
  updates: UpdateControl;
  // The sandbox simulator's controls (with its control token when started in-process): for the test harness,
  // which plays the customer in Microsoft's admin center; the app itself goes through its features.
  sandboxControl: SandboxControlClient | null;
  reports: ReportsServices;
  offline: OfflineServices;
  // GDAP relationships through Microsoft Graph and the role templates.
  gdap: GdapService;
  logger: AppLogger;
  diagnostics: DiagnosticsService;
  // The team workspace: create, join, leave, and the exchange with the team's PostgreSQL.
  team: TeamService;
  // How this desktop acts with the others of its team: the shared budget, leases, once-only claims.
  teamCoordination: TeamCoordination;
  close(): Promise<void>;
}

const noBrowser: OpenExternal = async () => {
  throw new AppError('conflict', 'No browser can be opened from here to sign in.');
};

const noMailClient: OpenExternal = async () => {
  throw new AppError('conflict', 'No mail client can be opened from here: copy the instructions instead.');
};

export async function createServices(config: AppConfig, overrides: ServiceOverrides = {}): Promise<Services> {
  ensurePrivateFolder(config.dataDir);
  const { db, movedAsideTo } = openOrRecoverDatabase(path.join(config.dataDir, databaseFileName), overrides.now);
  try {
    const logger = overrides.logger ?? createAppLogger({ dataDir: config.dataDir });
    // Every secret read from or written to the keychain is known to the log's redactor.
    const credentials = redactingCredentialStore(
      overrides.credentials ?? createKeychainCredentialStore(),
      logger.redactor,
    );
    const emit = overrides.emit ?? (() => undefined);
    const notifications = createDesktopNotifications(overrides.desktop ?? noDesktopShell, emit);
    const context: ServiceContext = {
      db,
      now: overrides.now ?? (() => new Date()),
      actor: config.actor,
      emit: (event, payload) => {
        if (event === 'connectivityChanged') logger.info('Partner Center connectivity changed', payload);
        emit(event, payload);
        if (event === 'customerAuthorized') {
          const notice = payload as PushPayloadOf<'customerAuthorized'>;
          if (notifiedHere(notificationAudience(db, config.actor, notice))) notifications.customerAuthorized(notice);
        }
      },
    };
    // Set once connected: restoring the cached account before that has no simulator to stop.
    let signInChanged: (signedIn: boolean) => Promise<void> = async () => undefined;
    const signIn = createSignInService(context, {
      credentials,
      loginUrl: productionLoginUrl(config),
      openExternal: overrides.openExternal ?? noBrowser,
      onChange: (signedIn) =>
        signInChanged(signedIn).catch((error: unknown) => {
          logger.warn('The sandbox simulator did not stop cleanly', { error: String(error) });
        }),
    });
    await signIn.restore();
    // In a team every desktop draws from the tenant's one budget in the team database.
    const teamCoordination = createTeamCoordination(db, credentials, {
      ...overrides.teamCoordination,
      budget: {
        ...(config.requestsPerMinute ? { requestsPerMinute: config.requestsPerMinute } : {}),
        ...overrides.teamCoordination?.budget,
      },
    });
    const connection = await connectPartnerCenter({
      config,
      credentials,
      profile: getPartnerProfile(db),
      user: signIn,
      limiterFor: (tenantId) => teamCoordination.budget.limiterFor(tenantId),
    });
    signInChanged = (signedIn) => connection.signInChanged(signedIn);
    // Every call's outcome tells connectivity whether Partner Center is reachable.
    const partnerCenter = async () => observeCalls(await connection.client(), () => offline.connectivity);
    const resellers = createResellerService(context, partnerCenter);
    // GDAP through Microsoft Graph; every verification follows the customer's relationship first.
    const gdap = createGdapService(
      context,
      createGraphConnection({
        config,
        credentials,
        connection,
        user: signIn,
        partnerTenantId: () => getPartnerProfile(db)?.partnerTenantId ?? 'organizations',
      }),
      () => (connection.mode === 'sandbox' ? connection.sandboxControl : null),
      teamCoordination.leases,
    );
    const verification = createVerificationService(context, partnerCenter, connection.tenantDirectory, gdap.follow);
    const customers = createCustomerService(context, resellers);
    // Offline-first: the outbox, connectivity and background re-verification; started below.
    const offline = createOfflineServices(
      context,
      {
        partnerCenterUrl: () => connection.baseUrl(),
        verification,
        backgroundVerification: createVerificationService(
          { ...context, actor: `${config.actor} (background check)` },
          partnerCenter,
          connection.tenantDirectory,
          gdap.follow,
        ),
        links: () => links,
        leases: teamCoordination.leases,
      },
      overrides.offline,
    );
    const links = createAuthorizationLinkService(context, {
      partnerCenter,
      resellers,
      openExternal: overrides.openExternal ?? noMailClient,
      queue: offline.linkQueue,
    });
    const queue = createQueueService(context, { customers, links });
    // One streamed CSV file export: the customers and history exports and the mail merge.
    const csvFile = createCsvFileExport(context, {
      matchingCustomers: (filter) => queue.condition(filter),
      chooseSavePath: overrides.chooseSavePath ?? noSaveDialog,
      ...(overrides.beforeExportChunk ? { beforeChunk: overrides.beforeExportChunk } : {}),
    });
    // Emails go through the one outbox worker (registered before it starts below).
    const email = createEmailServices(context, {
      credentials,
      openExternal: overrides.openExternal ?? noMailClient,
      worker: offline.outbox,
      timers: overrides.offline?.timers ?? realTimers,
      gdap,
      claims: teamCoordination.claims,
      selectedCustomers: (selection) => queue.selectionCondition(selection),
      files: csvFile,
    });
    // Changes captured for the team carry who made them.
    setChangeActor(db, config.actor);
    const team = createTeamService(context, { credentials, ...overrides.team });
    let closed = false;
    const workers = overrides.workers !== false;
    if (workers) {
      offline.start();
      team.start();
      teamCoordination.start();
    }
    const stopGdapFollower = workers
      ? startGdapFollower(gdap, { online: () => offline.connectivity.online })
      : () => undefined;
    const appInfo = async (): Promise<AppInfo> => ({
      version: config.version,
      mode: connection.mode,
      dataDir: config.dataDir,
      partnerCenterUrl: await connection.baseUrl(),
      sandboxSimulatorUrl: connection.runningSimulatorUrl(),
      keychain: await credentials.status(),
      databaseRecovery: movedAsideTo
        ? `The database could not be read (it was damaged), so AuthDesk started with a new, empty one. The damaged file was kept as ${movedAsideTo}. Your customers are in that file; ask your administrator to restore it from a backup or repair it.`
        : null,
    });
    if (movedAsideTo) logger.warn('The database was damaged and moved aside; a new one was created', { movedAsideTo });
    logger.info(`AuthDesk ${config.version} started in ${connection.mode} mode`, { dataDir: config.dataDir });
    return {
      config,
      // Follows the sign-in: production while signed in to Partner Center, sandbox otherwise.
      get mode() {
        return connection.mode;
      },
      db,
      appInfo,
      logger,
      notifications,
      updates: overrides.updates ?? noUpdates,
      sandboxControl: connection.sandboxControl,
      diagnostics: createDiagnosticsService(context, {
        logger,
        appInfo,
        openPath:
          overrides.openPath ??
          (async () => {
            throw new AppError('conflict', 'No file manager can be opened from here.');
          }),
      }),
      partnerProfile: createPartnerProfileService(context, (profile) => connection.partnerChanged(profile)),
      preferences: createPreferencesService(context),
      resellers,
      customers,
      links,
      verification,
      bulkVerification: createBulkVerificationService(context, verification, {
        partnerCenter,
        leases: teamCoordination.leases,
      }),
      signIn,
      connectionTest: createConnectionTestService(context, {
        target: () =>
          connectionTestTarget({
            config,
            connection,
            credentials,
            signIn,
            partnerTenantId: () => getPartnerProfile(db)?.partnerTenantId ?? 'organizations',
          }),
        redact: (text) => logger.redactor.redact(text),
        log: (message, data) => logger.info(message, data),
      }),
      checkout: createCheckoutService(context),
      sandbox: createSandboxService(context, () => (connection.mode === 'sandbox' ? connection.sandboxControl : null)),
      queue,
      email,
      reports: createReportsServices(context, {
        customers,
        resellers,
        links,
        queue,
        csvFile,
      }),
      offline,
      gdap,
      team,
      teamCoordination,
      async close() {
        if (closed) return;
        closed = true;
        email.stop();
        stopGdapFollower();
        await offline.stop();
        await team.stop();
        await teamCoordination.stop();
        logger.info('AuthDesk stopped');
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
