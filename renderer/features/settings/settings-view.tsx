// Settings: the partner profile (who AuthDesk acts for), validated with the shared schema.
import { useForm } from 'react-hook-form';
import { HelpSection } from './help-section';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { partnerProfileSchema, partnerRoles, partnerRoleLabels } from '../../../shared/domain/partner-profile';
import { Field, fieldAria } from '../../components/field';
import { useAppStore } from '../../store/app-store';
import { errorMessage } from '../../api/authdesk-client';
import { EmailSettingsSection } from './email-settings-section';
import { ResellerListSection } from './reseller-list-section';
import { PartnerCenterSignInSection } from './partner-center-sign-in-section';
import { GdapTemplatesSection } from '../gdap/gdap-templates-section';
import { TeamSettingsSection } from '../team/team-settings-section';
import { LanguageSection } from './language-section';

type ProfileValues = z.input<typeof partnerProfileSchema>;

export function SettingsView() {
  const profile = useAppStore((state) => state.profile);
  const appInfo = useAppStore((state) => state.appInfo);
  const settingsLoaded = useAppStore((state) => state.settingsLoaded);
  if (!settingsLoaded) return <p className="queue-message">Loading…</p>;
  return (
    <div className="settings">
      <h1>Settings</h1>
      {profile === null && (
        <p className="info-note">Welcome to AuthDesk. Tell it who you are first: customers see these details.</p>
      )}
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
          <h2 id="connection-title">Connection</h2>
          <dl className="facts">
            <dt>Mode</dt>
            <dd>
              {appInfo.mode === 'sandbox' ? 'Sandbox (built-in Partner Center simulator)' : 'Microsoft Partner Center'}
            </dd>
            <dt>Partner Center</dt>
            <dd>{appInfo.partnerCenterUrl}</dd>
            <dt>OS keychain</dt>
            <dd>{appInfo.keychain.available ? 'Available' : (appInfo.keychain.message ?? 'Not reachable')}</dd>
            <dt>Data folder</dt>
            <dd>{appInfo.dataDir}</dd>
            <dt>Version</dt>
            <dd>{appInfo.version}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}

function ProfileForm({ initial }: { initial: z.output<typeof partnerProfileSchema> | null }) {
  const saveProfile = useAppStore((state) => state.saveProfile);
  const notify = useAppStore((state) => state.notify);
  const setView = useAppStore((state) => state.setView);
  const form = useForm<ProfileValues, unknown, z.output<typeof partnerProfileSchema>>({
    defaultValues: initial ?? {
      role: 'indirect-provider',
      organizationName: '',
      partnerTenantId: '',
      requireBillingAddress: true,
    },
    resolver: zodResolver(partnerProfileSchema),
  });
  const errors = form.formState.errors;

  const submit = async (profile: z.output<typeof partnerProfileSchema>) => {
    try {
      await saveProfile(profile);
      notify('success', 'Partner profile saved.');
      if (initial === null) setView('queue');
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  return (
    <form className="panel" noValidate onSubmit={form.handleSubmit(submit)} aria-labelledby="profile-title">
      <h2 id="profile-title">Partner profile</h2>
      <fieldset className="radio-group">
        <legend>Role</legend>
        {partnerRoles.map((role) => (
          <label key={role} className="checkbox">
            <input type="radio" value={role} {...form.register('role')} />
            {partnerRoleLabels[role]}
          </label>
        ))}
      </fieldset>
      <Field id="organizationName" label="Organisation name" error={errors.organizationName?.message}>
        <input
          {...form.register('organizationName')}
          {...fieldAria('organizationName', errors.organizationName?.message)}
        />
      </Field>
      <Field
        id="partnerTenantId"
        label="Partner tenant ID"
        error={errors.partnerTenantId?.message}
        hint="Your Microsoft Entra tenant ID (Partner Center › Account settings › Organization profile)."
      >
        <input
          {...form.register('partnerTenantId')}
          {...fieldAria('partnerTenantId', errors.partnerTenantId?.message)}
        />
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...form.register('requireBillingAddress')} />
        Require the billing address of indirect customers (sub customers billing address)
      </label>
      <p className="field-hint">
        When on, an indirect customer gets no authorization link until its billing address is filled in.
      </p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          Save profile
        </button>
      </div>
    </form>
  );
}
