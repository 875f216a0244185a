// The indirect provider's resellers, offered when typing a reseller MPN ID (cached in main for offline use).
import { useEffect, useState } from 'react';
import type { Reseller } from '../../../shared/domain/reseller';
import { call } from '../../api/authdesk-client';

export function useResellers(enabled: boolean): Reseller[] {
  const [resellers, setResellers] = useState<Reseller[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    call('listResellers', {})
      .then((cached) => (cached.length > 0 ? cached : call('refreshResellers', {})))
      .then((list) => !cancelled && setResellers(list))
      // Offline or not signed in: the MPN ID can still be typed by hand.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return resellers;
}
