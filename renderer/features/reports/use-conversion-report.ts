// Loads the conversion report for the chosen filter, and again when a customer changes (so an import or a
// verification shows up while the Reports view is open).
import { useCallback, useEffect, useState } from 'react';
import type { ConversionReport, ReportFilter } from '../../../shared/domain/conversion-report';
import { call, errorMessage, subscribe } from '../../api/authdesk-client';

type Loaded = { report: ConversionReport; error: null } | { report: ConversionReport | null; error: string };

export function useConversionReport(filter: ReportFilter) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const { from, to, stalledDays, scope } = filter;

  useEffect(() => {
    let cancelled = false;
    call('getConversionReport', { from, to, stalledDays, scope })
      .then((report) => !cancelled && setLoaded({ report, error: null }))
      .catch(
        (failure: unknown) =>
          !cancelled && setLoaded((previous) => ({ report: previous?.report ?? null, error: errorMessage(failure) })),
      );
    return () => {
      cancelled = true;
    };
  }, [from, to, stalledDays, scope, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    // A burst of changes (an import, a bulk action) reloads once when it settles.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe('customerChanged', () => {
      clearTimeout(timer);
      timer = setTimeout(reload, 300);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [reload]);

  return { report: loaded?.report ?? null, error: loaded?.error ?? null, reload };
}
