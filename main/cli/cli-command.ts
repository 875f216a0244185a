// What a command of the `authdesk` command line is: its words (`customers list`), its options, and a run
// function over the same services and handler table as the app. New commands are one file each, listed in
// command-table.ts.
import type { ParseArgsConfig } from 'node:util';
import type { Handlers } from '../app/handlers';
import type { Services } from '../app/create-services';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
export type CliValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  // Bytes as they are, no line end added, settled once written (a large export goes out a chunk at a time).
  write(bytes: Uint8Array): Promise<void>;
}

export interface CliContext extends CliIo {
  services: Services;
  handlers: Handlers;
  json: boolean;
}

export interface CliCommand {
  // The words that name it, such as ['customers', 'list'].
  words: readonly string[];
  // One line: the arguments after the words, such as '<customer> [--domain DOMAIN]'.
  usage: string;
  summary: string;
  options?: CliOptions;
  // How many positional arguments it takes.
  positionals?: { min: number; max: number };
  // Returns the exit code.
  run(context: CliContext, values: CliValues, positionals: string[]): Promise<number>;
}

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

// Wrong arguments: the CLI prints the message and the command's usage and exits with 2.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function stringValue(values: CliValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredString(values: CliValues, name: string): string {
  const value = stringValue(values, name);
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required.`);
  return value;
}
