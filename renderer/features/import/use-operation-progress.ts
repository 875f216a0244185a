// Follows main's operationProgress events for one operation (the import's row checks, then its links).
import { useEffect, useState } from 'react';
import type { PushPayloadOf } from '../../../shared/ipc/contract';
import { subscribe } from '../../api/authdesk-client';

export type OperationProgress = PushPayloadOf<'operationProgress'>;

export function useOperationProgress(operationId: string | null): OperationProgress | null {
  const [latest, setLatest] = useState<OperationProgress | null>(null);
  useEffect(() => {
    if (operationId === null) return undefined;
    return subscribe('operationProgress', (payload) => {
      if (payload.operationId === operationId) setLatest(payload);
    });
  }, [operationId]);
  // Events of an earlier operation are never shown for this one.
  return latest !== null && latest.operationId === operationId ? latest : null;
}
