// Each verification check with its state, so the user sees which part of the authorization is missing.
// The checks' labels and messages come from main in English, as stored in the history; their states are named here.
import { useTranslation } from 'react-i18next';
import type { VerificationResult } from '../../../shared/domain/verification';

export function VerificationChecks({ result }: { result: VerificationResult }) {
  const { t } = useTranslation('verify');
  return (
    <ul className="checks" aria-label={t('checks.label')}>
      {result.checks.map((check) => (
        <li key={check.id} className={`check check-${check.state}`}>
          <span className="check-state">{t(`checks.state.${check.state}`)}</span>
          <span className="check-text">
            <strong>{check.label}</strong>
            {check.state !== 'passed' && check.state !== 'not-required' && <span>{check.message}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
