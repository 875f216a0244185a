// The one path every renderer request takes: check the method exists, parse the payload with the contract
// (the renderer is untrusted), run the handler, check the answer, and turn every failure into a typed
// { ok: false, error } value. It never throws and never passes a stack trace or a secret to the renderer.
import type { z } from 'zod';
import { contract, type Method } from '../../../shared/ipc/contract';
import { AppError, type IpcError, type IpcResult } from '../../../shared/ipc/ipc-error';
import { MicrosoftHttpError, isOfflineError } from '../http/microsoft-http-error';
import type { Handlers } from '../../app/handlers';

export type DispatchLogger = (message: string, error: unknown) => void;

const defaultLogger: DispatchLogger = (message, error) => console.error(`[ipc] ${message}`, error);

const genericFailure = 'Something went wrong in AuthDesk. Try again; if it keeps happening, restart the app.';

function isMethod(method: string): method is Method {
  return Object.prototype.hasOwnProperty.call(contract, method);
}

// Zod issues keyed by the dotted path of the field ("billingAddress.city"); the first message per field wins.
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
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

export async function dispatch(
  handlers: Handlers,
  method: string,
  payload: unknown,
  log: DispatchLogger = defaultLogger,
): Promise<IpcResult<unknown>> {
  try {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'invalid-request', message: 'AuthDesk does not know this request.' } };
    }
    const entry = contract[method];
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
    // The handler table is indexed by the same method, so the parsed request has the handler's type.
    const handler = handlers[method] as (parsed: unknown) => Promise<unknown>;
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
