// The renderer's typed client: calls window.authdesk and turns an {ok:false} answer into a thrown
// ClientError, so components can use try/catch and read the field errors main sent back. main writes its
// messages in English; the field errors here and errorMessage() word them in the screen's language.
import type { Method, RequestOf, ResponseOf, PushEvent, PushPayloadOf } from '../../shared/ipc/contract';
import type { IpcError, IpcErrorCode, IpcResult } from '../../shared/ipc/ipc-error';
import { i18n } from '../i18n/i18n';
import { translateFieldErrors, translateMessage } from '../i18n/translate-message';

export class ClientError extends Error {
  readonly code: IpcErrorCode;
  readonly fieldErrors: Record<string, string>;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ClientError';
    this.code = error.code;
    this.fieldErrors = translateFieldErrors(error.fieldErrors ?? {});
  }
}

export async function call<M extends Method>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  // TypeScript cannot narrow the union of methods by M; the contract types each one exactly.
  const invoke = window.authdesk[method] as unknown as (request: RequestOf<M>) => Promise<IpcResult<ResponseOf<M>>>;
  const result = await invoke(request);
  if (!result.ok) throw new ClientError(result.error);
  return result.value;
}

export function subscribe<E extends PushEvent>(event: E, listener: (payload: PushPayloadOf<E>) => void): () => void {
  return window.authdesk.on(event, listener);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return translateMessage(error.message);
  return i18n.t('common:somethingWentWrong');
}
