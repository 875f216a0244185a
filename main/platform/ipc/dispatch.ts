// The one path every renderer request takes: check the method exists, parse the payload with the contract
// (the renderer is untrusted), run the handler, check the answer, and turn every failure into a typed
// { ok: false, error } value. It never throws and never passes a stack trace or a secret to the renderer.
// Generic over the contract and its handler table, so this plumbing knows no feature.
import type { z } from 'zod';
import type { ChannelDefinition, Channels } from '../../../shared/ipc/channel';
import { AppError, type IpcError, type IpcResult } from '../../../shared/ipc/ipc-error';
import { MicrosoftHttpError, isOfflineError } from '../http/microsoft-http-error';
import type { HandlersOf } from './handlers-of';

export type DispatchLogger = (message: string, error: unknown) => void;

const defaultLogger: DispatchLogger = (message, error) => console.error(`[ipc] ${message}`, error);

const genericFailure = 'Something went wrong in AuthDesk. Try again; if it keeps happening, restart the app.';

// Own properties only: "__proto__", "constructor" or "toString" are not methods of the contract.
function definitionOf(contract: Channels, method: string): ChannelDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(contract, method) ? contract[method] : undefined;
}

// Zod issues keyed by the dotted path of the field ("billingAddress.city"); the first message per field wins.
function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const unrecognized = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const keys = unrecognized.length > 0 ? unrecognized.map((key) => [...issue.path, key]) : [issue.path];
    for (const keyPath of keys) {
      const key = keyPath.map(String).join('.') || '(request)';
      fieldErrors[key] ??= issue.message;
    }
  }
  return fieldErrors;
}

function errorOf(error: unknown, method: string, log: DispatchLogger): IpcError {
  if (error instanceof AppError) {
    return error.fieldErrors
      ? { code: error.code, message: error.message, fieldErrors: error.fieldErrors }
      : { code: error.code, message: error.message };
  }
  if (error instanceof MicrosoftHttpError) {
    return { code: isOfflineError(error) ? 'offline' : 'partner-center', message: error.message };
  }
  log(`${method} failed`, error);
  return { code: 'internal', message: genericFailure };
}

export async function dispatch<C extends Channels>(
  contract: C,
  handlers: HandlersOf<C>,
  method: string,
  payload: unknown,
  log: DispatchLogger = defaultLogger,
): Promise<IpcResult<unknown>> {
  try {
    const entry = definitionOf(contract, method);
    if (!entry) {
      return { ok: false, error: { code: 'invalid-request', message: 'AuthDesk does not know this request.' } };
    }
    const request = entry.request.safeParse(payload);
    if (!request.success) {
      return {
        ok: false,
        error: {
          code: 'invalid-request',
          message: 'Some fields are not valid: check the highlighted fields.',
          fieldErrors: fieldErrorsOf(request.error),
        },
      };
    }
    // The handler table has one handler per method of the same contract, so the parsed request has its type.
    const handler = (handlers as unknown as Record<string, (parsed: unknown) => Promise<unknown>>)[method];
    if (!handler) throw new Error(`No handler for ${method}`);
    const value = await handler(request.data);
    const response = entry.response.safeParse(value);
    if (!response.success) {
      log(`${method} answered with a value outside the contract`, response.error);
      return { ok: false, error: { code: 'internal', message: genericFailure } };
    }
    return { ok: true, value: response.data };
  } catch (error) {
    return { ok: false, error: errorOf(error, method, log) };
  }
}
