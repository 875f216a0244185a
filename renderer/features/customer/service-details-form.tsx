// The "Service details" step as a form: validated in the renderer with the same shared schema and
// cross-field rules main applies, so the user sees every problem before anything is sent.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm, useWatch, type FieldErrors as FormErrors, type Resolver } from 'react-hook-form';
import { serviceDetailsSchema, type ServiceDetails, type CustomerKind } from '../../../shared/domain/customer';
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import type { Reseller } from '../../../shared/domain/reseller';
import { serviceDetailsErrors } from '../../../shared/domain/service-details-rules';
import { Field, fieldAria } from '../../components/field';
import { countryName, countryOptions, resolveCountry } from '../../../shared/domain/countries';
import { onMicrosoftDomain } from '../../../shared/domain/validation';
import { translateMessage } from '../../i18n/translate-message';

// Country names in the user's language.
const locale = typeof navigator === 'undefined' ? 'en' : navigator.language;
const countries = countryOptions(locale);
const countryLabel = (code: string) => (code ? `${countryName(code, locale)} (${code})` : '');

export interface ServiceDetailsFormValues {
  kind: CustomerKind;
  companyName: string;
  contactName: string;
  contactEmail: string;
  domainPrefix: string;
  ownsExistingTenant: boolean;
  resellerMpnId: string;
  includeDelegatedAdmin: boolean;
  billing: { addressLine1: string; city: string; postalCode: string; country: string };
}

export function formValuesOf(details: ServiceDetails | null, kind: CustomerKind): ServiceDetailsFormValues {
  return {
    kind: details?.kind ?? kind,
    companyName: details?.companyName ?? '',
    contactName: details?.contactName ?? '',
    contactEmail: details?.contactEmail ?? '',
    domainPrefix: details?.domainPrefix ?? '',
    ownsExistingTenant: details?.ownsExistingTenant ?? false,
    resellerMpnId: details?.resellerMpnId ?? '',
    // Delegated admin is requested unless the user unticks it.
    includeDelegatedAdmin: details?.includeDelegatedAdmin ?? true,
    billing: details?.billingAddress
      ? { ...details.billingAddress, country: countryLabel(details.billingAddress.country) }
      : { addressLine1: '', city: '', postalCode: '', country: '' },
  };
}

function toServiceDetails(values: ServiceDetailsFormValues, kind: CustomerKind): ServiceDetails {
  const billingBlank = Object.values(values.billing).every((value) => value.trim() === '');
  return {
    kind,
    companyName: values.companyName,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    domainPrefix: values.domainPrefix,
    ownsExistingTenant: values.ownsExistingTenant,
    resellerMpnId: kind === 'indirect' ? values.resellerMpnId.trim() : '',
    includeDelegatedAdmin: values.includeDelegatedAdmin,
    // The country as typed or picked ("Österreich", "Austria (AT)", "at") goes on as its code; what names no
    // country is left as typed, for the schema's message.
    billingAddress:
      kind === 'indirect' && !billingBlank
        ? { ...values.billing, country: resolveCountry(values.billing.country, locale) ?? values.billing.country }
        : null,
  };
}

// Error keys from shared rules and main use the domain's names; the form nests the address under "billing".
const formPath = (path: string) => path.replace(/^billingAddress/, 'billing');

function nest(flat: Record<string, string>): FormErrors<ServiceDetailsFormValues> {
  const nested: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(flat)) {
    const keys = formPath(path).split('.');
    let node = nested;
    keys.slice(0, -1).forEach((key) => {
      node = (node[key] ??= {}) as Record<string, unknown>;
    });
    node[keys[keys.length - 1] ?? path] = { type: 'validate', message };
  }
  return nested as FormErrors<ServiceDetailsFormValues>;
}

function makeResolver(profile: PartnerProfile): Resolver<ServiceDetailsFormValues, unknown, ServiceDetails> {
  return async (values) => {
    const details = toServiceDetails(values, values.kind);
    const parsed = serviceDetailsSchema.safeParse(details);
    // Every problem at once: the field rules and the cross-field rules, a field's own rule first.
    const flat: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) flat[issue.path.join('.')] ??= issue.message;
    for (const [path, message] of Object.entries(serviceDetailsErrors(details, profile))) flat[path] ??= message;
    if (parsed.success && Object.keys(flat).length === 0) return { values: parsed.data, errors: {} };
    return { values: {}, errors: nest(flat) };
  };
}

interface ServiceDetailsFormProps {
  profile: PartnerProfile;
  resellers: Reseller[];
  initial: ServiceDetails | null;
  submitLabel: string;
  serverErrors: Record<string, string>;
  onSubmit: (details: ServiceDetails) => Promise<void>;
  onCancel: () => void;
}

export function ServiceDetailsForm(props: ServiceDetailsFormProps) {
  const { t } = useTranslation('customer');
  const { profile, resellers, initial, submitLabel, serverErrors, onSubmit, onCancel } = props;
  // A distributor has both kinds of customer: chosen per new customer (indirect by default); a direct-bill
  // partner's are direct. An existing customer keeps its kind (its link was issued for it).
  const offersKinds = initial === null && profile.role === 'indirect-provider';
  const [resolver] = useState(() => makeResolver(profile));
  const form = useForm<ServiceDetailsFormValues, unknown, ServiceDetails>({
    defaultValues: formValuesOf(initial, profile.role === 'indirect-provider' ? 'indirect' : 'direct'),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, formState, control, setError } = form;
  const errors = formState.errors;

  // Errors main found (an unknown reseller, say) are shown on their fields like the renderer's own.
  useEffect(() => {
    for (const [path, message] of Object.entries(serverErrors)) {
      setError(formPath(path) as 'companyName', { type: 'server', message });
    }
  }, [serverErrors, setError]);

  const mpnId = useWatch({ control, name: 'resellerMpnId' });
  const kind = useWatch({ control, name: 'kind' });
  const matchingReseller = resellers.find((reseller) => reseller.mpnId === mpnId.trim());
  const ownsLabel = kind === 'indirect' ? t('form.ownsDomainIndirect') : t('form.ownsDomainDirect');
  const billingRequired = kind === 'indirect' && profile.requireBillingAddress;

  return (
    <form className="service-details" noValidate onSubmit={handleSubmit(onSubmit)}>
      {offersKinds && (
        <fieldset className="radio-group customer-kind">
          <legend>{t('form.kindLegend')}</legend>
          <label className="checkbox">
            <input type="radio" value="indirect" {...register('kind')} />
            {t('form.kindIndirect')}
          </label>
          <label className="checkbox">
            <input type="radio" value="direct" {...register('kind')} />
            {t('form.kindDirect', { organization: profile.organizationName })}
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('form.customerLegend')}</legend>
        <Field id="companyName" label={t('form.companyName')} error={errors.companyName?.message}>
          <input
            {...register('companyName')}
            {...fieldAria('companyName', errors.companyName?.message)}
            autoFocus
            data-autofocus
          />
        </Field>
        <div className="field-row">
          <Field id="contactName" label={t('form.contactName')} error={errors.contactName?.message}>
            <input {...register('contactName')} {...fieldAria('contactName', errors.contactName?.message)} />
          </Field>
          <Field id="contactEmail" label={t('form.contactEmail')} error={errors.contactEmail?.message}>
            <input
              type="email"
              {...register('contactEmail')}
              {...fieldAria('contactEmail', errors.contactEmail?.message)}
            />
          </Field>
        </div>
        <Field
          id="domainPrefix"
          label={t('form.domainPrefix')}
          error={errors.domainPrefix?.message}
          hint={t('form.domainPrefixHint')}
        >
          <div className="input-suffix">
            <input {...register('domainPrefix')} {...fieldAria('domainPrefix', errors.domainPrefix?.message)} />
            <span aria-hidden="true">{onMicrosoftDomain('')}</span>
          </div>
        </Field>
        <div className={errors.ownsExistingTenant ? 'field field-invalid' : 'field'}>
          <label className="checkbox">
            <input
              type="checkbox"
              {...register('ownsExistingTenant')}
              {...fieldAria('ownsExistingTenant', errors.ownsExistingTenant?.message)}
            />
            {ownsLabel}
          </label>
          {errors.ownsExistingTenant && (
            <p className="field-error" id="ownsExistingTenant-error" role="alert">
              {translateMessage(errors.ownsExistingTenant.message)}
            </p>
          )}
        </div>
      </fieldset>

      {kind === 'indirect' && (
        <fieldset>
          <legend>{t('form.resellerLegend')}</legend>
          <Field
            id="resellerMpnId"
            label={t('form.resellerMpnId')}
            error={errors.resellerMpnId?.message}
            hint={matchingReseller ? matchingReseller.name : t('form.resellerMpnIdHint')}
          >
            <input
              list="reseller-options"
              inputMode="numeric"
              {...register('resellerMpnId')}
              {...fieldAria('resellerMpnId', errors.resellerMpnId?.message)}
            />
          </Field>
          <datalist id="reseller-options">
            {resellers.map((reseller) => (
              <option key={reseller.tenantId} value={reseller.mpnId}>
                {reseller.name}
              </option>
            ))}
          </datalist>
          {mpnId.trim() === '' && (
            <p className="warning" role="status">
              {t('form.blankMpnIdWarning', { organization: profile.organizationName })}
            </p>
          )}
        </fieldset>
      )}

      <fieldset>
        <legend>{t('form.authorizationLegend')}</legend>
        <label className="checkbox">
          <input type="checkbox" {...register('includeDelegatedAdmin')} />
          {t('form.includeDelegatedAdmin')}
        </label>
        <p className="field-hint">{t('form.delegatedAdminHint')}</p>
      </fieldset>

      {kind === 'indirect' && (
        <fieldset>
          <legend>{billingRequired ? t('form.billingLegend') : t('form.billingLegendOptional')}</legend>
          {errors.billing && 'message' in errors.billing && typeof errors.billing.message === 'string' && (
            <p className="field-error" role="alert">
              {translateMessage(errors.billing.message)}
            </p>
          )}
          <Field id="billing.addressLine1" label={t('form.street')} error={errors.billing?.addressLine1?.message}>
            <input
              {...register('billing.addressLine1')}
              {...fieldAria('billing.addressLine1', errors.billing?.addressLine1?.message)}
            />
          </Field>
          <div className="field-row">
            <Field id="billing.city" label={t('form.city')} error={errors.billing?.city?.message}>
              <input {...register('billing.city')} {...fieldAria('billing.city', errors.billing?.city?.message)} />
            </Field>
            <Field id="billing.postalCode" label={t('form.postalCode')} error={errors.billing?.postalCode?.message}>
              <input
                {...register('billing.postalCode')}
                {...fieldAria('billing.postalCode', errors.billing?.postalCode?.message)}
              />
            </Field>
            <Field id="billing.country" label={t('form.country')} error={errors.billing?.country?.message}>
              <input
                list="country-options"
                autoComplete="country-name"
                placeholder={t('form.countryPlaceholder')}
                {...register('billing.country')}
                {...fieldAria('billing.country', errors.billing?.country?.message)}
              />
            </Field>
            <datalist id="country-options">
              {countries.map((country) => (
                <option key={country.code} value={countryLabel(country.code)} />
              ))}
            </datalist>
          </div>
        </fieldset>
      )}

      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('form.working') : submitLabel}
        </button>
      </div>
    </form>
  );
}
