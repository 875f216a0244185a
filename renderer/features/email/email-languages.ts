// The languages a customer email can be written in (the shipped ones, then the user's own), for the pickers,
// and how the customer's worked-out language is named: "Ελληνικά (from the .gr address)" or "Default (English)".
import { useEffect, useState } from 'react';
import type { CustomerEmailState } from '../../../shared/email/email-messages';
import { shippedEmailLanguageOptions, type EmailLanguageOption } from '../../../shared/email/email-template';
import { call, errorMessage } from '../../api/authdesk-client';
import { i18n } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';

export function useEmailLanguages(): EmailLanguageOption[] {
  const notify = useAppStore((state) => state.notify);
  const [languages, setLanguages] = useState<EmailLanguageOption[]>(shippedEmailLanguageOptions);
  useEffect(() => {
    let live = true;
    call('listEmailLanguages', {})
      .then((list) => {
        if (live) setLanguages(list);
      })
      .catch((error: unknown) => notify('error', errorMessage(error)));
    return () => {
      live = false;
    };
  }, [notify]);
  return languages;
}

export function automaticLanguageLabel(automatic: CustomerEmailState['automaticLanguage']): string {
  return automatic.source === 'domain' && automatic.tld
    ? i18n.t('emailTemplates:customerLanguage.fromDomain', { language: automatic.name, tld: automatic.tld })
    : i18n.t('emailTemplates:customerLanguage.default', { language: automatic.name });
}
