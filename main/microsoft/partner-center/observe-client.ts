// Lets every Partner Center call report its outcome to the connectivity monitor, whichever service makes it
// (links, verification, resellers, bulk verification): a call that got an answer means online, one that could
// not reach Microsoft means offline. Wraps the client's async methods; the client itself is unchanged.
import type { ConnectivityMonitor } from '../../platform/connectivity/connectivity-monitor';

const observed = new WeakMap<object, object>();

export function observeCalls<Client extends object>(client: Client, monitor: () => ConnectivityMonitor): Client {
  const known = observed.get(client);
  if (known) return known as Client;
  const proxy = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value, target, args);
        if (result instanceof Promise) {
          result.then(
            () => monitor().reportSuccess(),
            (error: unknown) => monitor().reportFailure(error),
          );
        }
        return result;
      };
    },
  });
  observed.set(client, proxy);
  return proxy;
}
