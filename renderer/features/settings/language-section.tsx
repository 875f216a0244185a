// The language of AuthDesk's screens on this desktop: the operating system's by default, or one chosen here.
// Each language is named in itself, so a user who cannot read the current one still finds their own.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNativeNames, shippedLanguages } from '../../../shared/domain/languages';
import type { UiPreferences } from '../../../shared/ipc/channels/preferences';
import { call, errorMessage } from '../../api/authdesk-client';
import { applyUiPreferences, systemLanguage } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';

export function LanguageSection() {
  const { t } = useTranslation('settings');
  const notify = useAppStore((state) => state.notify);
  const [choice, setChoice] = useState<UiPreferences['language'] | null>(null);

  useEffect(() => {
    let live = true;
    call('getUiPreferences', {})
      .then((preferences) => {
        if (live) setChoice(preferences.language);
      })
      .catch((error: unknown) => notify('error', errorMessage(error)));
    return () => {
      live = false;
    };
  }, [notify]);

  const choose = async (language: UiPreferences['language']) => {
    setChoice(language);
    try {
      const saved = await call('saveUiPreferences', { language });
      await applyUiPreferences(saved);
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="language-title">
      <h2 id="language-title">{t('language.title')}</h2>
      <div className="field">
        <label htmlFor="uiLanguage">{t('language.label')}</label>
        <select
          id="uiLanguage"
          value={choice ?? 'system'}
          disabled={choice === null}
          onChange={(event) => void choose(event.target.value as UiPreferences['language'])}
        >
          <option value="system">{t('language.system', { language: languageNativeNames[systemLanguage()] })}</option>
          {shippedLanguages.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageNativeNames[code]}
            </option>
          ))}
        </select>
        <p className="field-hint">{t('language.hint')}</p>
      </div>
    </section>
  );
}
