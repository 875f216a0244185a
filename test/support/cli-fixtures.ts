// The command-line arguments the CLI tests type again and again (the sandbox partner's profile, a new
// customer), and the shape of one run's outcome, written once whether the CLI runs in-process or as a child.
import { defaultPartner } from '../../sandbox/start-simulator';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

// `authdesk profile set` for the simulator's own partner, in the given role.
export function profileSetArgs(role: 'direct' | 'indirect-provider' = 'indirect-provider'): string[] {
  return ['profile', 'set', '--role', role, '--org', defaultPartner.name, '--tenant', defaultPartner.tenantId];
}

export interface CustomerAddInput {
  kind: 'direct' | 'indirect';
  company: string;
  contact: string;
  email: string;
  domainPrefix: string;
  resellerMpnId?: string;
}

// `authdesk customers add` with the options in the order a user types them.
export function customerAddArgs(input: CustomerAddInput): string[] {
  return [
    'customers',
    'add',
    '--kind',
    input.kind,
    '--company',
    input.company,
    '--contact',
    input.contact,
    '--email',
    input.email,
    '--domain-prefix',
    input.domainPrefix,
    ...(input.resellerMpnId === undefined ? [] : ['--reseller-mpn-id', input.resellerMpnId]),
  ];
}
