// The command-line arguments the CLI tests type again and again (the sandbox partner's profile, a new
// customer), and the shape of one run's outcome, written once whether the CLI runs in-process or as a child.
import type { CliIo } from '../../main/cli/cli-command';
import { defaultPartner } from '../../sandbox/start-simulator';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

// An in-process run's terminal: what the command printed, lines and raw bytes in the order they came.
export function recordingCliIo(onErr?: (line: string) => void): {
  io: CliIo;
  output(code: number): CliRun;
} {
  const out: string[] = [];
  const err: string[] = [];
  // stdout as the lines joined by line ends, as a terminal shows them, without the last line's own end.
  let endsWithLine = false;
  return {
    io: {
      out: (text) => {
        out.push(`${text}\n`);
        endsWithLine = true;
      },
      err: (text) => {
        err.push(text);
        onErr?.(text);
      },
      write: async (bytes) => {
        out.push(Buffer.from(bytes).toString('utf8'));
        endsWithLine = false;
      },
    },
    output: (code) => {
      const stdout = out.join('');
      return { code, stdout: endsWithLine ? stdout.slice(0, -1) : stdout, stderr: err.join('\n') };
    },
  };
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
