// "Test connection": main signs in and makes one read from Partner Center and one from Microsoft Graph (the
// sandbox's simulator in sandbox mode); each check is shown as passed or failed, with the reason and what to do.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionCheck, ConnectionTestResult } from '../../../shared/domain/connection-test';
import { call, errorMessage } from '../../api/authdesk-client';
import { formatDateTime } from '../../components/format-time';

export function ConnectionTestPanel() {
  const { t } = useTranslation('connect');
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('testConnection', {}));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="connection-test">
      <div className="connect-copy-row">
        <button type="button" onClick={() => void run()} disabled={busy}>
          {busy ? t('test.running') : t('test.button')}
        </button>
        <span className="field-hint">
          {result
            ? result.mode === 'sandbox'
              ? t('test.summarySandbox', { time: formatDateTime(result.testedAt) })
              : t('test.summaryProduction', { time: formatDateTime(result.testedAt), account: result.account ?? '—' })
            : t('test.hint')}
        </span>
      </div>
      {result && (
        <ul className="connection-checks" aria-label={t('test.resultsLabel')} aria-live="polite">
          {result.checks.map((check) => (
            <CheckRow key={check.id} check={check} result={result} />
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function CheckRow({ check, result }: { check: ConnectionCheck; result: ConnectionTestResult }) {
  const { t } = useTranslation('connect');
  const url = check.id === 'graph' ? result.graphUrl : result.partnerCenterUrl;
  const technical = [
    check.status !== null ? t('test.details.status', { status: check.status }) : null,
    check.code !== null ? t('test.details.code', { code: check.code }) : null,
    check.requestId !== null ? t('test.details.requestId', { requestId: check.requestId }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <li className={`connection-check connection-check-${check.outcome}`}>
      <span className="connection-check-outcome">{t(`test.outcome.${check.outcome}`)}</span>
      <div>
        <strong>{t(`test.check.${check.id}`)}</strong>
        <p>{explanation(t, check, result.mode, url)}</p>
        {check.detail && <p className="field-hint">{t('test.details.said', { detail: check.detail })}</p>}
        {technical.length > 0 && <p className="field-hint">{technical.join(' · ')}</p>}
      </div>
    </li>
  );
}

type Translate = ReturnType<typeof useTranslation<'connect'>>['t'];

// What the outcome means for this check, and what to do about a failure.
function explanation(t: Translate, check: ConnectionCheck, mode: ConnectionTestResult['mode'], url: string): string {
  if (check.outcome === 'skipped') return t('test.skipped');
  if (check.outcome === 'warning') return t('test.passed.signInWithoutMfa');
  if (check.outcome === 'passed') {
    if (check.id === 'sign-in') {
      if (mode === 'sandbox') return t('test.passed.signInSandbox');
      return check.mfa ? t('test.passed.signInMfa') : t('test.passed.signIn');
    }
    if (check.id === 'partner-center') return t('test.passed.partnerCenter', { count: check.found ?? 0 });
    return t('test.passed.graph');
  }
  const reason = check.reason ?? 'other';
  if (check.id === 'graph' && (reason === 'forbidden' || reason === 'sign-in-needed')) {
    return t(`test.failed.graph.${reason}`);
  }
  return t(`test.failed.${reason}`, { url });
}
