// Settings: the partner profile (who AuthDesk acts for, and who signs what customers receive), validated
// with the shared schema, then each feature's own section.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HelpSection } from './help-section';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { partnerProfileSchema, partnerRoles } from '../../../shared/domain/partner-profile';
import { Field, fieldAria } from '../../components/field';
import { useAppStore } from '../../store/app-store';
import { errorMessage } from '../../api/authdesk-client';
import { EmailSettingsSection } from './email-settings-section';
import { ResellerListSection } from './reseller-list-section';
import { PartnerCenterSignInSection } from './partner-center-sign-in-section';
import { GdapTemplatesSection } from '../gdap/gdap-templates-section';
import { TeamSettingsSection } from '../team/team-settings-section';
import { LanguageSection } from './language-section';
import { translateMessage } from '../../i18n/translate-message';

type ProfileValues = z.input<typeof partnerProfileSchema>;

export function SettingsView() {
  const { t } = useTranslation('profile');
  const profile = useAppStore((state) => state.profile);
  const appInfo = useAppStore((state) => state.appInfo);
  const settingsLoaded = useAppStore((state) => state.settingsLoaded);
  if (!settingsLoaded) return <p className="queue-message">{t('loading')}</p>;
  return (
    <div className="settings">
      <h1>{t('title')}</h1>
      {profile === null && <p className="info-note">{t('welcome')}</p>}
      <ProfileForm key={profile ? 'saved' : 'new'} initial={profile} />
      <LanguageSection />
      {profile && <EmailSettingsSection />}
      {profile && <PartnerCenterSignInSection partnerTenantId={profile.partnerTenantId} />}
      {profile?.role === 'indirect-provider' && <ResellerListSection />}
      {profile && <GdapTemplatesSection />}
      {profile && <TeamSettingsSection />}
      <HelpSection />
      {appInfo && (
        <section className="panel" aria-labelledby="connection-title">
          <h2 id="connection-title">{t('connection.title')}</h2>
          <dl className="facts">
            <dt>{t('connection.mode')}</dt>
            <dd>{appInfo.mode === 'sandbox' ? t('connection.sandbox') : t('connection.production')}</dd>
            <dt>{t('connection.partnerCenter')}</dt>
            <dd>{appInfo.partnerCenterUrl}</dd>
            <dt>{t('connection.keychain')}</dt>
            <dd>
              {appInfo.keychain.available
                ? t('connection.keychainAvailable')
                : (translateMessage(appInfo.keychain.message) ?? t('connection.keychainUnreachable'))}
            </dd>
            <dt>{t('connection.dataFolder')}</dt>
            <dd>{appInfo.dataDir}</dd>
            <dt>{t('connection.version')}</dt>
            <dd>{appInfo.version}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}

function ProfileForm({ initial }: { initial: z.output<typeof partnerProfileSchema> | null }) {
  const { t } = useTranslation(['profile', 'domain']);
  const saveProfile = useAppStore((state) => state.saveProfile);
  const notify = useAppStore((state) => state.notify);
  const setView = useAppStore((state) => state.setView);
  const form = useForm<ProfileValues, unknown, z.output<typeof partnerProfileSchema>>({
    defaultValues: initial ?? {
      role: 'indirect-provider',
      organizationName: '',
      partnerTenantId: '',
      requireBillingAddress: true,
      senderName: '',
      signature: '',
    },
    resolver: zodResolver(partnerProfileSchema),
  });
  const errors = form.formState.errors;

  const submit = async (profile: z.output<typeof partnerProfileSchema>) => {
    try {
      await saveProfile(profile);
      notify('success', t('saved'));
      if (initial === null) setView('queue');
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  return (
    <form className="panel" noValidate onSubmit={form.handleSubmit(submit)} aria-labelledby="profile-title">
      <h2 id="profile-title">{t('form.title')}</h2>
      <fieldset className="radio-group">
        <legend>{t('form.role')}</legend>
        {partnerRoles.map((role) => (
          <label key={role} className="checkbox">
            <input type="radio" value={role} {...form.register('role')} />
            {t(`domain:partnerRole.${role}`)}
          </label>
        ))}
      </fieldset>
      <Field id="organizationName" label={t('form.organizationName')} error={errors.organizationName?.message}>
        <input
          {...form.register('organizationName')}
          {...fieldAria('organizationName', errors.organizationName?.message)}
        />
      </Field>
      <Field
        id="partnerTenantId"
        label={t('form.partnerTenantId')}
        error={errors.partnerTenantId?.message}
        hint={t('form.partnerTenantIdHint')}
      >
        <input
          {...form.register('partnerTenantId')}
          {...fieldAria('partnerTenantId', errors.partnerTenantId?.message)}
        />
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...form.register('requireBillingAddress')} />
        {t('form.requireBillingAddress')}
      </label>
      <p className="field-hint">{t('form.requireBillingAddressHint')}</p>
      <Field
        id="senderName"
        label={t('form.senderName')}
        error={errors.senderName?.message}
        hint={t('form.senderNameHint')}
      >
        <input
          {...form.register('senderName')}
          {...fieldAria('senderName', errors.senderName?.message)}
          autoComplete="name"
        />
      </Field>
      <Field
        id="signature"
        label={t('form.signature')}
        error={errors.signature?.message}
        hint={t('form.signatureHint')}
      >
        <textarea rows={3} {...form.register('signature')} {...fieldAria('signature', errors.signature?.message)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {t('form.save')}
        </button>
      </div>
    </form>
  );
}
