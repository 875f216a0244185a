// "New customer": the service details, then the authorization link is requested from Partner Center at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../../components/dialog';
import { ServiceDetailsForm } from './service-details-form';
import { useResellers } from './use-resellers';
import { call, ClientError, errorMessage } from '../../api/authdesk-client';
import type { ServiceDetails } from '../../../shared/domain/customer';

export function NewCustomerDialog() {
  const { t } = useTranslation('customer');
  const open = useAppStore((state) => state.newCustomerOpen);
  const setOpen = useAppStore((state) => state.setNewCustomerOpen);
  const profile = useAppStore((state) => state.profile);
  const showDetail = useAppStore((state) => state.showDetail);
  const notify = useAppStore((state) => state.notify);
  const resellers = useResellers(open && profile?.role === 'indirect-provider');
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});

  const close = () => {
    setServerErrors({});
    setOpen(false);
  };

  const submit = async (details: ServiceDetails) => {
    try {
      const { detail, linkError } = await call('createCustomer', details);
      close();
      showDetail(detail);
      if (linkError) notify('error', t('new.linkFailed', { error: linkError }));
      else notify('success', t('new.added', { company: detail.customer.companyName }));
    } catch (error) {
      if (error instanceof ClientError && Object.keys(error.fieldErrors).length > 0) setServerErrors(error.fieldErrors);
      else notify('error', errorMessage(error));
    }
  };

  return (
    <Dialog title={t('new.title')} open={open && profile !== null} onClose={close} wide>
      {profile && (
        <ServiceDetailsForm
          profile={profile}
          resellers={resellers}
          initial={null}
          submitLabel={t('new.submit')}
          serverErrors={serverErrors}
          onSubmit={submit}
          onCancel={close}
        />
      )}
    </Dialog>
  );
}
