// `authdesk profile show` and `authdesk profile set --role ... --org ... --tenant ...`: the partner profile
// (Settings in the window) that every other command needs.
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import { callHandler } from '../call-handler';
import { UsageError, exitCodes, requiredString, type CliCommand } from '../cli-command';
import { formatTable } from '../format-table';

function print(context: Parameters<CliCommand['run']>[0], profile: PartnerProfile | null): void {
  if (context.json) {
    context.out(JSON.stringify({ profile }, null, 2));
  } else if (profile === null) {
    context.out('No partner profile yet: run `authdesk profile set --role ... --org ... --tenant ...`.');
  } else {
    context.out(
      formatTable(
        ['Setting', 'Value'],
        [
          ['Role', profile.role],
          ['Organisation', profile.organizationName],
          ['Partner tenant ID', profile.partnerTenantId],
          ['Require billing address', profile.requireBillingAddress ? 'yes' : 'no'],
        ],
      ),
    );
  }
}

export const profileShowCommand: CliCommand = {
  words: ['profile', 'show'],
  usage: '',
  summary: 'Show the partner profile',
  async run(context) {
    const { profile } = await callHandler(context.handlers, 'getPartnerProfile', {});
    print(context, profile);
    return exitCodes.ok;
  },
};

export const profileSetCommand: CliCommand = {
  words: ['profile', 'set'],
  usage: '--role direct|indirect-provider --org NAME --tenant TENANT-ID [--require-billing-address]',
  summary: 'Set the partner profile',
  options: {
    role: { type: 'string' },
    org: { type: 'string' },
    tenant: { type: 'string' },
    'require-billing-address': { type: 'boolean' },
  },
  async run(context, values) {
    const role = requiredString(values, 'role');
    if (role !== 'direct' && role !== 'indirect-provider') {
      throw new UsageError('--role must be direct or indirect-provider.');
    }
    const profile = await callHandler(context.handlers, 'savePartnerProfile', {
      role,
      organizationName: requiredString(values, 'org'),
      partnerTenantId: requiredString(values, 'tenant'),
      requireBillingAddress: values['require-billing-address'] === true,
    });
    print(context, profile);
    return exitCodes.ok;
  },
};
