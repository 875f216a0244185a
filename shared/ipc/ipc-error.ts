// Errors cross the bridge as values, never as thrown exceptions: the renderer always gets a typed answer.
import { z } from 'zod';

export const ipcErrorCodes = [
  'invalid-request', // the payload failed its schema; fieldErrors says which field and why
  'not-found',
  'conflict', // the action does not fit the customer's status (e.g. checkout before verification)
  'not-configured', // the partner profile is missing
  'partner-center', // Microsoft answered with an error
  'offline', // Microsoft could not be reached
  'keychain', // the OS keychain is not reachable
  'team-database', // the team's PostgreSQL refused (password, database, TLS, schema) or cannot be reached
  'forbidden-sender',
  'internal',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

export const ipcErrorSchema = z.object({
  code: z.enum(ipcErrorCodes),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.string()).optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

// Thrown inside main's services when an action is refused for a reason the user should read.
export class AppError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
