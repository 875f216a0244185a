// The handler table: every feature's handlers, each derived from its fragment of the contract, spread into
// one object with exactly one handler per contract method. Requests arrive already parsed by dispatch.
import type { Contract } from '../../shared/ipc/contract';
import type { HandlersOf } from '../platform/ipc/handlers-of';
import type { Services } from './create-services';
import { createAppInfoHandlers } from './app-info-handlers';
import { createPartnerProfileHandlers } from '../features/partner-profile/partner-profile-handlers';
import { createPreferencesHandlers } from '../features/preferences/preferences-handlers';
import { createResellersHandlers } from '../features/resellers/resellers-handlers';
import { createCustomersHandlers } from '../features/customers/customers-handlers';
import { createLinksHandlers } from '../features/links/links-handlers';
import { createVerificationHandlers } from '../features/verification/verification-handlers';
import { createCheckoutHandlers } from '../features/checkout/checkout-handlers';
import { createSignInHandlers } from '../features/sign-in/sign-in-handlers';
import { createConnectionTestHandlers } from '../features/sign-in/connection-test-handlers';
import { createQueueHandlers } from '../features/queue/queue-handlers';
import { createSandboxModeHandlers } from '../features/sandbox-mode/sandbox-mode-handlers';
import { createEmailHandlers } from '../features/email/email-handlers';
import { createReportsHandlers } from '../features/reports/reports-handlers';
import { createImportExportHandlers } from '../features/import-export/import-export-handlers';
import { createOfflineHandlers } from '../features/offline/offline-handlers';
import { createGdapHandlers } from '../features/gdap/gdap-handlers';
import { createDiagnosticsHandlers } from '../features/diagnostics/diagnostics-handlers';
import { createNotificationsHandlers } from '../features/notifications/notifications-handlers';
import { createUpdatesHandlers } from './updates-handlers';
import { createTeamHandlers } from '../features/team/team-handlers';

export type Handlers = HandlersOf<Contract>;

export function createHandlers(services: Services): Handlers {
  return {
    ...createAppInfoHandlers(services),
    ...createPartnerProfileHandlers(services),
    ...createPreferencesHandlers(services),
    ...createResellersHandlers(services),
    ...createCustomersHandlers(services),
    ...createLinksHandlers(services),
    ...createVerificationHandlers(services),
    ...createCheckoutHandlers(services),
    ...createSignInHandlers(services),
    ...createConnectionTestHandlers(services),
    ...createQueueHandlers(services),
    ...createSandboxModeHandlers(services),
    ...createEmailHandlers(services),
    ...createReportsHandlers(services),
    ...createImportExportHandlers(services),
    ...createOfflineHandlers(services),
    ...createGdapHandlers(services),
    ...createDiagnosticsHandlers(services),
    ...createNotificationsHandlers(services),
    ...createUpdatesHandlers(services),
    ...createTeamHandlers(services),
  };
}
