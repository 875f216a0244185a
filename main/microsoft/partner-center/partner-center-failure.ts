// Turns a failed call to Microsoft into the error the user reads: 'offline' when it could not be reached
// (worth retrying once the connection is back), 'partner-center' with Microsoft's answer otherwise.
import { AppError } from '../../../shared/ipc/ipc-error';
import { MicrosoftHttpError, isOfflineError } from '../../platform/http/microsoft-http-error';

export function partnerCenterFailure(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof MicrosoftHttpError) {
    return new AppError(isOfflineError(error) ? 'offline' : 'partner-center', error.message);
  }
  return null;
}

// Runs a call to Microsoft; its HTTP errors come out as AppErrors, anything else (a bug) as it was.
export async function callPartnerCenter<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw partnerCenterFailure(error) ?? error;
  }
}
