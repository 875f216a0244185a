// The options every command takes (--json, --data-dir, --help), and where they may stand: anywhere on the
// command line, before the command's words too (`authdesk --data-dir D customers list`), as users of git or
// npm expect.
import type { CliOptions } from './cli-command';

export const globalOptions: CliOptions = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export interface SplitArguments {
  // The global options found before the command's words, as typed (a value stays beside its option).
  leading: string[];
  // The rest: the command's words first, then its own arguments.
  rest: string[];
}

const flags = new Set(['--json', '--help', '-h']);

// Takes the global options off the front of the arguments; stops at the first argument that is not one.
export function splitLeadingGlobalOptions(args: readonly string[]): SplitArguments {
  let index = 0;
  while (index < args.length) {
    const arg = args[index] ?? '';
    if (flags.has(arg) || arg.startsWith('--data-dir=')) {
      index += 1;
    } else if (arg === '--data-dir') {
      // Without a value left the option stays, so the parser reports it missing.
      index += Math.min(2, args.length - index);
    } else {
      break;
    }
  }
  return { leading: args.slice(0, index), rest: args.slice(index) };
}
