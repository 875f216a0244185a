// The queue: customers awaiting authorization on the left, the selected customer on the right.
import { useAppStore } from '../../store/app-store';
import { QueueToolbar } from './queue-toolbar';
import { QueueTable } from './queue-table';
import { CustomerView } from '../customer/customer-view';
import { NewCustomerDialog } from '../customer/new-customer-dialog';

export function QueueView() {
  const selectedCustomerId = useAppStore((state) => state.selectedCustomerId);
  return (
    <div className="queue-layout">
      <section className="queue-pane" aria-label="Customer queue">
        <QueueToolbar />
        <QueueTable />
      </section>
      <section className="detail-pane" aria-label="Customer">
        {selectedCustomerId ? (
          <CustomerView />
        ) : (
          <div className="empty-state">
            <h2>No customer selected</h2>
            <p>Pick a customer from the queue, or add one with “New customer”.</p>
          </div>
        )}
      </section>
      <NewCustomerDialog />
    </div>
  );
}
