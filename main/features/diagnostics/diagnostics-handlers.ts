// The Help channels' handlers: thin calls into the diagnostics service.
import type { diagnosticsChannels } from '../../../shared/ipc/channels/diagnostics';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { DiagnosticsService } from './diagnostics-service';

export function createDiagnosticsHandlers({
  diagnostics,
}: {
  diagnostics: DiagnosticsService;
}): HandlersOf<typeof diagnosticsChannels> {
  return {
    getDiagnostics: async () => diagnostics.collect(),
    openLogsFolder: async () => diagnostics.openLogsFolder(),
  };
}
