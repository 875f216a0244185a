// The checkout channel's handler: a thin call into the checkout service.
import type { checkoutChannels } from '../../../shared/ipc/channels/checkout';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { CheckoutService } from './checkout-service';

export function createCheckoutHandlers({
  checkout,
}: {
  checkout: CheckoutService;
}): HandlersOf<typeof checkoutChannels> {
  return {
    checkOut: async ({ customerId, orderReference }) => checkout.checkOut(customerId, orderReference),
  };
}
