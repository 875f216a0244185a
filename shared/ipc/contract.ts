// The IPC contract, the one source of truth for every channel between renderer and main: each feature's
// fragment of channels (shared/ipc/channels/<feature>.ts, request and response schemas per method) spread into
// one object, and the push events main sends. main parses every request with these schemas; preload exposes
// one method per entry; the renderer gets full types from IpcApi.
import { z } from 'zod';
import type { IpcResult } from './ipc-error';
import { appInfoChannels } from './channels/app-info';
import { partnerProfileChannels } from './channels/partner-profile';
import { preferencesChannels } from './channels/preferences';
import { resellersChannels } from './channels/resellers';
import { customersChannels } from './channels/customers';
import { linksChannels } from './channels/links';
import { verificationChannels } from './channels/verification';
import { checkoutChannels } from './channels/checkout';
import { signInChannels } from './channels/sign-in';
import { connectionTestChannels } from './channels/connection-test';
import { queueChannels } from './channels/queue';
import { sandboxModeChannels } from './channels/sandbox-mode';
import { emailChannels } from './channels/email';
import { reportsChannels } from './channels/reports';
import { importExportChannels } from './channels/import-export';
import { offlineChannels } from './channels/offline';
import { gdapChannels } from './channels/gdap';
import { diagnosticsChannels } from './channels/diagnostics';
import { notificationsChannels } from './channels/notifications';
import { updatesChannels } from './channels/updates';
import { teamChannels } from './channels/team';
import { teamSyncSchema } from '../domain/team';

// Types that main's services and the renderer name often; they belong to the fragments above.
export type { AppInfo } from './channels/app-info';
export type { HandOffChannel, Instructions } from './channels/links';
export type { CustomerDetail } from './customer-detail';
export { channelOf } from './channel';

// Each feature's fragment by name, so a test can check that no two fragments declare the same method
// (spreading them would silently keep only the last).
export const contractFragments = {
  appInfo: appInfoChannels,
  partnerProfile: partnerProfileChannels,
  preferences: preferencesChannels,
  resellers: resellersChannels,
  customers: customersChannels,
  links: linksChannels,
  verification: verificationChannels,
  checkout: checkoutChannels,
  signIn: signInChannels,
  connectionTest: connectionTestChannels,
  queue: queueChannels,
  sandboxMode: sandboxModeChannels,
  email: emailChannels,
  reports: reportsChannels,
  importExport: importExportChannels,
  offline: offlineChannels,
  gdap: gdapChannels,
  diagnostics: diagnosticsChannels,
  notifications: notificationsChannels,
  updates: updatesChannels,
  team: teamChannels,
} as const;

export const contract = {
  ...appInfoChannels,
  ...partnerProfileChannels,
  ...preferencesChannels,
  ...resellersChannels,
  ...customersChannels,
  ...linksChannels,
  ...verificationChannels,
  ...checkoutChannels,
  ...signInChannels,
  ...connectionTestChannels,
  ...queueChannels,
  ...sandboxModeChannels,
  ...emailChannels,
  ...reportsChannels,
  ...importExportChannels,
  ...offlineChannels,
  ...gdapChannels,
  ...diagnosticsChannels,
  ...notificationsChannels,
  ...updatesChannels,
  ...teamChannels,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type RequestOf<M extends Method> = z.input<Contract[M]['request']>;
export type ResponseOf<M extends Method> = z.output<Contract[M]['response']>;

export const methods = Object.keys(contract) as Method[];

// Push events from main to the renderer.
export const pushEvents = {
  customerChanged: z.object({ customerId: z.string() }),
  connectivityChanged: z.object({ online: z.boolean() }),
  // Progress of a long bulk operation (verify many, send many, import): one event per finished item.
  operationProgress: z.object({
    operationId: z.string(),
    kind: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    failed: z.number().int(),
  }),
  // Offline-first work: the outbox's waiting count changed; a customer in Sent authorized (found by background
  // re-verification), for a desktop notification and the badge.
  outboxChanged: z.object({ waiting: z.number().int() }),
  // byTeam: verified on another desktop of the team (this one learnt it from the sync).
  customerAuthorized: z.object({ customerId: z.string(), companyName: z.string(), byTeam: z.boolean().optional() }),
  // The user clicked that customer's desktop notification: the window opens the customer.
  openCustomerRequested: z.object({ customerId: z.string() }),
  // An update finished downloading: the window offers "Restart to update".
  updateReady: z.object({ version: z.string() }),
  // The exchange with the team's database: synced, changes waiting, offline since, or its error; a saved view
  // the team shares arrived, changed or went.
  teamStatusChanged: teamSyncSchema,
  savedViewsChanged: z.object({}),
} as const;
export type PushEvent = keyof typeof pushEvents;
export type PushPayloadOf<E extends PushEvent> = z.output<(typeof pushEvents)[E]>;
export const pushEventNames = Object.keys(pushEvents) as PushEvent[];
export const pushChannel = 'authdesk:event';

// The API the preload exposes as window.authdesk: one method per channel, and one subscription per event.
export type IpcApi = {
  [M in Method]: (request: RequestOf<M>) => Promise<IpcResult<ResponseOf<M>>>;
} & {
  on: <E extends PushEvent>(event: E, listener: (payload: PushPayloadOf<E>) => void) => () => void;
};
