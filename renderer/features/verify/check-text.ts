// A verification check's label and message in the language of the screens: main sends catalog keys with
// their values beside the English text; results stored before keys existed (or a Partner Center error's own
// words) keep the English main wrote.
import type { VerificationCheck } from '../../../shared/domain/verification';
import { i18n } from '../../i18n/i18n';

function translated(section: 'label' | 'message', key: string | undefined, params: VerificationCheck['params']) {
  const full = `verify:checkText.${section}.${key ?? ''}`;
  return key && i18n.exists(full) ? i18n.t(full as never, params ?? {}) : null;
}

export function checkLabel(check: VerificationCheck): string {
  return translated('label', check.labelKey, check.params) ?? check.label;
}

export function checkMessage(check: VerificationCheck): string {
  return translated('message', check.messageKey, check.params) ?? check.message;
}
