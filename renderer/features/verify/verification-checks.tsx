// Each verification check with its state, so the user sees which part of the authorization is missing.
import type { VerificationResult, CheckState } from '../../../shared/domain/verification';

const stateLabels: Record<CheckState, string> = {
  passed: 'Done',
  failed: 'Missing',
  unknown: 'Not checked',
  'not-required': 'Not required',
};

export function VerificationChecks({ result }: { result: VerificationResult }) {
  return (
    <ul className="checks" aria-label="Verification checks">
      {result.checks.map((check) => (
        <li key={check.id} className={`check check-${check.state}`}>
          <span className="check-state">{stateLabels[check.state]}</span>
          <span className="check-text">
            <strong>{check.label}</strong>
            {check.state !== 'passed' && check.state !== 'not-required' && <span>{check.message}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
