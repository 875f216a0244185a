// Checkout, the gated button of the storefront flow: open only once the authorization is verified. It records the order
// reference and closes the record (read-only from then on).
import { canCheckOut } from '../../../shared/domain/customer-status';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import { recordChange, requireCustomer, requireEditable } from '../customers/customer-records';
import type { ServiceContext } from '../../platform/service-context';

export interface CheckoutService {
  checkOut(customerId: string, orderReference: string): CustomerDetail;
}

export function createCheckoutService(context: ServiceContext): CheckoutService {
  return {
    checkOut(customerId, orderReference) {
      const customer = requireCustomer(context, customerId);
      requireEditable(customer);
      if (!canCheckOut(customer.status)) {
        throw new AppError('conflict', 'Checkout opens once the authorization is verified.');
      }
      const reference = orderReference.trim();
      return recordChange(context, { ...customer, orderReference: reference, status: 'checked-out' }, customerId, {
        type: 'checked-out',
        summary: `Checked out (order ${reference})`,
        data: { orderReference: reference },
      });
    },
  };
}
