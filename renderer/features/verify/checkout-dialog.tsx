// Checkout: records the order reference and the conversion. Only reachable once verified.
import { useTranslation } from 'react-i18next';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { Customer } from '../../../shared/domain/customer';
import { contract } from '../../../shared/ipc/contract';
import { Dialog } from '../../components/dialog';
import { Field, fieldAria } from '../../components/field';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { translateMessage } from '../../i18n/translate-message';

const checkoutSchema = contract.checkOut.request.pick({ orderReference: true });
type CheckoutValues = z.input<typeof checkoutSchema>;

interface CheckoutDialogProps {
  customer: Customer;
  open: boolean;
  onClose: () => void;
}

export function CheckoutDialog({ customer, open, onClose }: CheckoutDialogProps) {
  const { t } = useTranslation('verify');
  const showDetail = useAppStore((state) => state.showDetail);
  const notify = useAppStore((state) => state.notify);
  const form = useForm<CheckoutValues, unknown, z.output<typeof checkoutSchema>>({
    defaultValues: { orderReference: '' },
    resolver: zodResolver(checkoutSchema),
  });
  const error = translateMessage(form.formState.errors.orderReference?.message);

  const submit = async ({ orderReference }: { orderReference: string }) => {
    try {
      showDetail(await call('checkOut', { customerId: customer.id, orderReference }));
      notify('success', t('checkout.done', { company: customer.companyName }));
      onClose();
    } catch (reason) {
      form.setError('orderReference', { type: 'server', message: errorMessage(reason) });
    }
  };

  return (
    <Dialog title={t('checkout.title', { company: customer.companyName })} open={open} onClose={onClose}>
      <form noValidate onSubmit={form.handleSubmit(submit)}>
        <Field
          id="orderReference"
          label={t('checkout.orderReference')}
          error={error}
          hint={t('checkout.orderReferenceHint')}
        >
          <input {...form.register('orderReference')} {...fieldAria('orderReference', error)} autoFocus />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('checkout.cancel')}
          </button>
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('checkout.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
