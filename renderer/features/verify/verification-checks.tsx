// Each verification check with its state, so the user sees which part of the authorization is missing.
// Labels and messages come from main as catalog keys (English for results stored before keys existed).
import { useTranslation } from 'react-i18next';
import type { VerificationResult } from '../../../shared/domain/verification';
import { checkLabel, checkMessage } from './check-text';

export function VerificationChecks({ result }: { result: VerificationResult }) {
  const { t } = useTranslation('verify');
  return (
    <ul className="checks" aria-label={t('checks.label')}>
      {result.checks.map((check) => (
        <li key={check.id} className={`check check-${check.state}`}>
          <span className="check-state">{t(`checks.state.${check.state}`)}</span>
          <span className="check-text">
            <strong>{checkLabel(check)}</strong>
            {check.state !== 'passed' && check.state !== 'not-required' && <span>{checkMessage(check)}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
