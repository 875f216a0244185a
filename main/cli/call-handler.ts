// Calls a contract method from the command line the way the window does: through dispatch, so every
// request is validated by the contract's schema and errors arrive as typed values.
import { contract, type Method, type RequestOf, type ResponseOf } from '../../shared/ipc/contract';
import type { IpcError } from '../../shared/ipc/ipc-error';
import { dispatch } from '../platform/ipc/dispatch';
import type { Handlers } from '../app/handlers';

export class CliCallError extends Error {
  constructor(readonly error: IpcError) {
    const fields = Object.entries(error.fieldErrors ?? {}).map(([field, message]) => `\n  ${field}: ${message}`);
    super(`${error.message}${fields.join('')}`);
    this.name = 'CliCallError';
  }
}

export async function callHandler<M extends Method>(
  handlers: Handlers,
  method: M,
  request: RequestOf<M>,
): Promise<ResponseOf<M>> {
  // An internal failure (a bug) is told in full on stderr: a terminal user can report it.
  const result = await dispatch(contract, handlers, method, request, (message, error) => {
    process.stderr.write(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  });
  if (!result.ok) throw new CliCallError(result.error);
  return result.value as ResponseOf<M>;
}
