// The `authdesk` command line: finds the command in the table, parses its options (node:util parseArgs,
// strict), opens the same services as the app on the data folder (--data-dir, else AUTHDESK_DATA_DIR, else
// the app's), runs it and returns the exit code: 0 ok, 1 failure, 2 usage. Never imports Electron.
import { parseArgs } from 'node:util';
import { readAppConfig } from '../platform/config/app-config';
import { createHandlers } from '../app/handlers';
import { createServices, type ServiceOverrides } from '../app/create-services';
import { CliCallError } from './call-handler';
import { UsageError, exitCodes, type CliCommand, type CliIo } from './cli-command';
import { commandTable } from './command-table';
import { defaultDataDir } from './default-data-dir';
import { globalOptions, splitLeadingGlobalOptions } from './global-options';

export interface RunCliOptions {
  io?: CliIo;
  env?: NodeJS.ProcessEnv;
  version?: string;
  overrides?: ServiceOverrides;
}

const consoleIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  write: (bytes) =>
    new Promise((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()))),
};

function usageLine(command: CliCommand): string {
  return `authdesk ${command.words.join(' ')}${command.usage ? ` ${command.usage}` : ''}`;
}

export function helpText(): string {
  const width = Math.max(...commandTable.map((command) => command.words.join(' ').length));
  return [
    'Usage: authdesk [--json] [--data-dir DIR] <command> [options]',
    '',
    'Commands:',
    ...commandTable.map((command) => `  ${command.words.join(' ').padEnd(width)}  ${command.summary}`),
    '',
    'Run `authdesk <command> --help` for its options. Exit codes: 0 ok, 1 failure, 2 usage.',
  ].join('\n');
}

// The command whose words the arguments start with; the longest match wins.
function findCommand(args: readonly string[]): CliCommand | null {
  const matches = commandTable.filter((command) => command.words.every((word, index) => args[index] === word));
  return matches.sort((a, b) => b.words.length - a.words.length)[0] ?? null;
}

export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<number> {
  const io = options.io ?? consoleIo;
  const env = options.env ?? process.env;
  const { leading, rest } = splitLeadingGlobalOptions(args);
  if (rest.length === 0 || rest[0] === 'help') {
    const askedForHelp = rest[0] === 'help' || leading.some((arg) => arg === '--help' || arg === '-h');
    if (askedForHelp) {
      io.out(helpText());
      return exitCodes.ok;
    }
    (args.length === 0 ? io.out : io.err)(helpText());
    return exitCodes.usage;
  }
  const command = findCommand(rest);
  if (!command) {
    const what = rest[0]?.startsWith('-')
      ? `Unknown option: ${rest[0]}`
      : `Unknown command: ${rest.slice(0, 2).join(' ')}`;
    io.err(`${what}\n\n${helpText()}`);
    return exitCodes.usage;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      // The global options typed before the words count as if typed after them.
      args: [...leading, ...rest.slice(command.words.length)],
      options: { ...globalOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    const count = parsed.positionals.length;
    const allowed = command.positionals ?? { min: 0, max: 0 };
    if (count < allowed.min || count > allowed.max) {
      throw new UsageError(
        count < allowed.min ? 'Missing argument.' : `Unexpected argument: ${parsed.positionals.at(-1)}`,
      );
    }
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\nUsage: ${usageLine(command)}`);
    return exitCodes.usage;
  }
  const values = parsed.values;
  if (values.help === true) {
    io.out(`Usage: ${usageLine(command)}\n${command.summary}.`);
    return exitCodes.ok;
  }

  let config;
  try {
    config = readAppConfig({ dataDir: defaultDataDir(env), version: options.version ?? '0.0.0' }, env);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return exitCodes.usage;
  }
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : config.dataDir;
  let services;
  try {
    // One command and out: no background work, and nothing taken from an app running on the same data.
    services = await createServices({ ...config, dataDir }, { workers: false, ...options.overrides });
  } catch (error) {
    io.err(`AuthDesk could not start: ${error instanceof Error ? error.message : String(error)}`);
    return exitCodes.failure;
  }
  try {
    const context = { ...io, services, handlers: createHandlers(services), json: values.json === true };
    return await command.run(context, values, parsed.positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: ${usageLine(command)}`);
      return exitCodes.usage;
    }
    if (error instanceof CliCallError) {
      if (values.json === true) io.out(JSON.stringify({ error: error.error }, null, 2));
      io.err(error.message);
      return error.error.code === 'invalid-request' ? exitCodes.usage : exitCodes.failure;
    }
    io.err(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return exitCodes.failure;
  } finally {
    await services.close();
  }
}
