// "Edit details": the service-details form pre-filled with the customer, until checkout. main withdraws an
// issued link when a field baked into it changes, and says so in the timeline.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, ServiceDetails } from '../../../shared/domain/customer';
import { Dialog } from '../../components/dialog';
import { call, ClientError, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { ServiceDetailsForm } from './service-details-form';
import { useResellers } from './use-resellers';

// The customer was created with the "already using Office 365" box ticked: the rules require it.
const detailsOf = (customer: Customer): ServiceDetails => ({
  kind: customer.kind,
  companyName: customer.companyName,
  contactName: customer.contactName,
  contactEmail: customer.contactEmail,
  domainPrefix: customer.domainPrefix,
  ownsExistingTenant: true,
  resellerMpnId: customer.resellerMpnId ?? '',
  includeDelegatedAdmin: customer.includeDelegatedAdmin,
  billingAddress: customer.billingAddress,
});

export function EditDetailsDialog({
  customer,
  open,
  onClose,
}: {
  customer: Customer;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('customer');
  const profile = useAppStore((state) => state.profile);
  const showDetail = useAppStore((state) => state.showDetail);
  const notify = useAppStore((state) => state.notify);
  const resellers = useResellers(open && profile?.role === 'indirect-provider');
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const close = () => {
    setServerErrors({});
    onClose();
  };
  const submit = async (details: ServiceDetails) => {
    try {
      const detail = await call('updateCustomer', { customerId: customer.id, details });
      close();
      showDetail(detail);
      notify(
        'success',
        detail.customer.authorizationLink === null && customer.authorizationLink !== null
          ? t('edit.savedLinkWithdrawn')
          : t('edit.saved'),
      );
    } catch (error) {
      if (error instanceof ClientError && Object.keys(error.fieldErrors).length > 0) setServerErrors(error.fieldErrors);
      else notify('error', errorMessage(error));
    }
  };
  return (
    <Dialog title={t('edit.title')} open={open && profile !== null} onClose={close} wide>
      {profile && open && (
        <ServiceDetailsForm
          profile={profile}
          resellers={resellers}
          initial={detailsOf(customer)}
          submitLabel={t('edit.submit')}
          serverErrors={serverErrors}
          onSubmit={submit}
          onCancel={close}
        />
      )}
    </Dialog>
  );
}
