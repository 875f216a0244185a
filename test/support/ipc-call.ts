// Calls a contract method the way the renderer does: through dispatch (payload parsed, response checked
// against the contract), unwrapping the typed result so tests read like the app's own calls.
import { dispatch } from '../../main/platform/ipc/dispatch';
import type { Handlers } from '../../main/app/handlers';
import { contract, type Method, type RequestOf, type ResponseOf } from '../../shared/ipc/contract';
import type { IpcError } from '../../shared/ipc/ipc-error';

export class IpcCallError extends Error {
  constructor(readonly error: IpcError) {
    super(`${error.code}: ${error.message}`);
  }
}

export interface HasHandlers {
  handlers: Handlers;
}

export async function call<M extends Method>(
  app: HasHandlers,
  method: M,
  request: RequestOf<M>,
): Promise<ResponseOf<M>> {
  const result = await dispatch(contract, app.handlers, method, request, (message, error) => {
    throw new Error(`${message}: ${String(error)}`);
  });
  if (!result.ok) throw new IpcCallError(result.error);
  return result.value as ResponseOf<M>;
}

// The error a call ends with; fails the test if the call succeeded.
export async function callError<M extends Method>(
  app: HasHandlers,
  method: M,
  request: RequestOf<M>,
): Promise<IpcError> {
  const result = await dispatch(contract, app.handlers, method, request, () => undefined);
  if (result.ok) throw new Error(`${method} succeeded but was expected to fail`);
  return result.error;
}
