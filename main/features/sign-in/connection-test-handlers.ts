// The "Test connection" channel's handler: a thin call into the connection test.
import type { connectionTestChannels } from '../../../shared/ipc/channels/connection-test';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { ConnectionTestService } from './connection-test-service';

export function createConnectionTestHandlers({
  connectionTest,
}: {
  connectionTest: ConnectionTestService;
}): HandlersOf<typeof connectionTestChannels> {
  return {
    testConnection: async () => connectionTest.run(),
  };
}
