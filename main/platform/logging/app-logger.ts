// The log file: <data folder>/logs/authdesk.log, rotated at 1 MiB (electron-log keeps the previous file as
// authdesk.old.log), every line passed through the secret redactor before it is written.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import log from 'electron-log/node';
import { SecretRedactor } from './redact-secrets';
import { ensurePrivateFile, ensurePrivateFolder } from '../files/private-files';

export interface AppLogger {
  logsDir: string;
  logFile: string;
  redactor: SecretRedactor;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  // The newest lines of the current log file, for "Copy diagnostics".
  tail(lines: number): string[];
}

const maxLogBytes = 1024 * 1024;

function describe(detail: unknown): string {
  if (detail instanceof Error) return `${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
}

let instances = 0;

export function createAppLogger(options: { dataDir: string; toConsole?: boolean }): AppLogger {
  const logsDir = path.join(options.dataDir, 'logs');
  const logFile = path.join(logsDir, 'authdesk.log');
  ensurePrivateFolder(logsDir, { own: true });
  ensurePrivateFile(logFile);
  const redactor = new SecretRedactor();
  const logger = log.create({ logId: `authdesk-${++instances}` });
  logger.transports.file.resolvePathFn = () => logFile;
  logger.transports.file.maxSize = maxLogBytes;
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  if (logger.transports.console) logger.transports.console.level = options.toConsole ? 'info' : false;
  // Everything is turned into one redacted string before any transport sees it.
  logger.hooks.push((message) => {
    message.data = [redactor.redact(message.data.map(describe).join(' '))];
    return message;
  });
  return {
    logsDir,
    logFile,
    redactor,
    info: (message, ...details) => logger.info(message, ...details),
    warn: (message, ...details) => logger.warn(message, ...details),
    error: (message, ...details) => logger.error(message, ...details),
    tail: (lines) => {
      if (!existsSync(logFile)) return [];
      return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines);
    },
  };
}
