// The sandbox-mode channel's handler: a thin call into the sandbox service.
import type { sandboxModeChannels } from '../../../shared/ipc/channels/sandbox-mode';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { SandboxService } from './sandbox-service';

export function createSandboxModeHandlers({
  sandbox,
}: {
  sandbox: SandboxService;
}): HandlersOf<typeof sandboxModeChannels> {
  return {
    sandboxAcceptInvitation: async ({ customerId, ...acceptance }) => sandbox.acceptInvitation(customerId, acceptance),
  };
}
