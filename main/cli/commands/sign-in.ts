// `authdesk sign-in`, `sign-out` and `whoami`: Partner Center sign-in for scripts and scheduled runs, without
// the desktop app. sign-in uses the device code flow: it prints the page to open and the code to enter (on any
// device with a browser), waits until the user has signed in there, and keeps the token cache in the OS
// keychain as the app does, so the app and the command line share one sign-in.
import { AppError } from '../../../shared/ipc/ipc-error';
import type { SignInStatus } from '../../../shared/domain/partner-center-sign-in';
import { callHandler } from '../call-handler';
import { exitCodes, stringValue, UsageError, type CliCommand, type CliContext } from '../cli-command';

function printStatus(context: CliContext, status: SignInStatus): void {
  if (context.json) {
    context.out(
      JSON.stringify({ signedIn: status.account !== null, account: status.account, mfa: status.mfa }, null, 2),
    );
    return;
  }
  if (status.account === null) {
    context.out(
      status.settings === null
        ? 'Not signed in, and no app registration yet: run `authdesk sign-in --client-id ID --tenant-id ID`.'
        : 'Not signed in: run `authdesk sign-in`.',
    );
    return;
  }
  const name = status.account.name ? `${status.account.name} <${status.account.username}>` : status.account.username;
  context.out(`Signed in to Partner Center as ${name} (tenant ${status.account.tenantId}).`);
  if (status.warning) context.out(status.warning);
}

export const signInCommand: CliCommand = {
  words: ['sign-in'],
  usage: '[--client-id APPLICATION-ID --tenant-id PARTNER-TENANT-ID]',
  summary: 'Sign in to Partner Center with a code entered in a browser (device code flow)',
  options: { 'client-id': { type: 'string' }, 'tenant-id': { type: 'string' } },
  async run(context, values) {
    const clientId = stringValue(values, 'client-id');
    const tenantId = stringValue(values, 'tenant-id');
    if ((clientId === undefined) !== (tenantId === undefined)) {
      throw new UsageError('Give both --client-id and --tenant-id, or neither (to use the saved ones).');
    }
    if (clientId !== undefined && tenantId !== undefined) {
      await callHandler(context.handlers, 'saveSignInSettings', { clientId, tenantId });
    }
    try {
      const status = await context.services.signIn.signInWithDeviceCode((prompt) => {
        // The prompt goes to standard error, so --json output stays one document.
        context.err(prompt.message);
      });
      printStatus(context, status);
      return exitCodes.ok;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      context.err(error.message);
      return error.code === 'not-configured' ? exitCodes.usage : exitCodes.failure;
    }
  },
};

export const signOutCommand: CliCommand = {
  words: ['sign-out'],
  usage: '',
  summary: 'Sign out of Partner Center and remove the tokens from the keychain',
  async run(context) {
    printStatus(context, await callHandler(context.handlers, 'signOut', {}));
    return exitCodes.ok;
  },
};

export const whoamiCommand: CliCommand = {
  words: ['whoami'],
  usage: '',
  summary: 'Show who is signed in to Partner Center',
  async run(context) {
    // The account cached in the keychain (by this command line or the app), read when the services started.
    printStatus(context, await callHandler(context.handlers, 'getSignInStatus', {}));
    return exitCodes.ok;
  },
};
