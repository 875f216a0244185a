// "Copy diagnostics" and "Open logs folder": what support needs to help, with no secret in it (the log
// lines are already redacted; no customer data beyond counts).
import os from 'node:os';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { AppLogger } from '../../platform/logging/app-logger';
import type { ServiceContext } from '../../platform/service-context';

export interface DiagnosticsService {
  collect(): Promise<{ text: string; logFile: string }>;
  openLogsFolder(): Promise<{ opened: boolean }>;
}

export function createDiagnosticsService(
  context: ServiceContext,
  dependencies: { logger: AppLogger; appInfo: () => Promise<AppInfo>; openPath: (path: string) => Promise<void> },
): DiagnosticsService {
  const { logger } = dependencies;
  const count = (sql: string) => context.db.prepare(sql).all() as { key: string; count: number }[];
  return {
    async collect() {
      const info = await dependencies.appInfo();
      const statuses = count('SELECT status AS key, count(*) AS count FROM customers GROUP BY status ORDER BY status');
      const outbox = count('SELECT status AS key, count(*) AS count FROM outbox GROUP BY status ORDER BY status');
      const lines = [
        `AuthDesk ${info.version} (${info.mode} mode)`,
        `Generated: ${context.now().toISOString()}`,
        `Platform: ${os.platform()} ${os.release()} ${os.arch()}; Node ${process.versions.node}${
          process.versions.electron ? `; Electron ${process.versions.electron}` : ''
        }`,
        `Partner Center: ${info.partnerCenterUrl}`,
        `Sandbox simulator: ${info.sandboxSimulatorUrl ?? 'not running'}`,
        `OS keychain: ${info.keychain.available ? 'available' : `not reachable (${info.keychain.message ?? 'unknown'})`}`,
        `Data folder: ${info.dataDir}`,
        `Schema version: ${String(context.db.pragma('user_version', { simple: true }))}`,
        `Customers by status: ${statuses.map((row) => `${row.key} ${row.count}`).join(', ') || 'none'}`,
        `Outbox: ${outbox.map((row) => `${row.key} ${row.count}`).join(', ') || 'empty'}`,
        `Log file: ${logger.logFile}`,
        '',
        'Recent log lines:',
        ...logger.tail(100),
      ];
      return { text: logger.redactor.redact(lines.join('\n')), logFile: logger.logFile };
    },
    async openLogsFolder() {
      try {
        await dependencies.openPath(logger.logsDir);
        return { opened: true };
      } catch (error) {
        logger.warn('Could not open the logs folder', error);
        return { opened: false };
      }
    },
  };
}
