// Progress of one bulk operation (bulk send, send due reminders), from main's operationProgress push events.
import { useEffect, useState } from 'react';
import type { PushPayloadOf } from '../../../shared/ipc/contract';
import { subscribe } from '../../api/authdesk-client';

export type OperationProgress = PushPayloadOf<'operationProgress'>;

export function useOperationProgress(operationId: string | null): OperationProgress | null {
  const [progress, setProgress] = useState<OperationProgress | null>(null);
  useEffect(() => {
    if (!operationId) return;
    return subscribe('operationProgress', (payload) => {
      if (payload.operationId === operationId) setProgress(payload);
    });
  }, [operationId]);
  // An older operation's last report is not this one's progress.
  return progress && progress.operationId === operationId ? progress : null;
}

// A fresh id per click: main keys each message by it, so a repeated request never sends twice.
export const newRequestId = (): string => crypto.randomUUID();
