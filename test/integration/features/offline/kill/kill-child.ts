// The process the kill test murders: the real services on a data folder, doing a bulk import of customers
// (batches of 10 in one transaction each), getting each a link and handing it off, then "verify all" through
// the outbox, and waiting until the outbox is done. It prints "committed <event id>" for every new history
// event once its transaction has committed, so the parent can check no committed event is ever lost (and
// kill it after a random number of them: at random moments of the work, not of Node's start-up). Run from a bundle
// (test/support/child-bundle.ts) with: node kill-child.cjs <dataDir> <simulatorUrl> <secret> <customerCount>
import { createServices } from '../../../../../main/app/create-services';
import { listCustomers } from '../../../../../main/features/customers/customers-repository';
import { sandboxClientSecretName } from '../../../../../main/microsoft/partner-center-connection';
import { createMemoryCredentialStore } from '../../../../support/memory-credential-store';
import { directDetails, directProfile } from '../../../../support/customer-fixtures';

function readArguments(): { dataDir: string; simulatorUrl: string; secret: string; count: number } {
  const [dataDir, simulatorUrl, secret, countText] = process.argv.slice(2);
  if (!dataDir || !simulatorUrl || !secret || !countText) {
    throw new Error('usage: <dataDir> <simulatorUrl> <secret> <count>');
  }
  return { dataDir, simulatorUrl, secret, count: Number(countText) };
}
const { dataDir, simulatorUrl, secret, count } = readArguments();
const batchSize = 10;

let flushEvents: () => void = () => undefined;

async function main(): Promise<void> {
  const services = await createServices(
    {
      dataDir,
      partnerCenterUrl: null,
      simulatorUrl,
      actor: 'kill-test',
      version: '0.0.0-kill',
      requestsPerMinute: 100_000,
    },
    {
      credentials: createMemoryCredentialStore({ [sandboxClientSecretName]: secret }),
      // A change may be announced inside a transaction that has not committed yet: look once it has.
      emit: () => setImmediate(() => flushEvents()),
      offline: { background: false, offlineProbeMs: 100 },
    },
  );
  const { db } = services;
  const newEvents = db.prepare<[number], { id: number }>('SELECT id FROM customer_events WHERE id > ? ORDER BY id');
  let printed = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM customer_events').get()?.id ?? 0;
  flushEvents = () => {
    if (!db.open) return;
    for (const { id } of newEvents.all(printed)) {
      process.stdout.write(`committed ${id}\n`);
      printed = id;
    }
  };
  if (services.partnerProfile.get() === null) services.partnerProfile.save(directProfile);

  // Bulk import: the customers not yet there, a batch per transaction.
  const known = new Set(listCustomers(db, {}).map((customer) => customer.domainPrefix));
  const missing = Array.from({ length: count }, (_, index) => index).filter((index) => !known.has(`kill${index}`));
  for (let start = 0; start < missing.length; start += batchSize) {
    const batch = await Promise.all(
      missing.slice(start, start + batchSize).map((index) =>
        services.customers.checkDetails(
          directDetails({
            companyName: `Kill ${index}`,
            domainPrefix: `kill${index}`,
            contactEmail: `it@kill${index}.com`,
          }),
        ),
      ),
    );
    services.customers.saveChecked({ create: batch, update: [] });
    flushEvents();
  }

  // Links (from the partner's cached link after the first) and hand-off: each its own transaction.
  for (const customer of listCustomers(db, {})) {
    if (customer.status === 'draft' && customer.authorizationLink === null) {
      await services.links.requestAuthorizationLink(customer.id);
      flushEvents();
    }
    const current = services.customers.get(customer.id).customer;
    if (current.status === 'link-ready') {
      services.links.recordHandOff(customer.id, 'copy-link');
      flushEvents();
    }
  }

  // Verify all, queued in one transaction; the outbox runs it.
  services.offline.actions.queueVerifyAll('kill-test');
  flushEvents();
  await services.offline.outbox.idle();
  flushEvents();
  await services.close();
  process.stdout.write('finished\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
