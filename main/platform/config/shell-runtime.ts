// What the shell honours of its environment and command line. A development run (not packaged) keeps every
// switch: the Vite dev server, endpoint overrides for local stand-ins, DevTools. A packaged build, which is
// what users install, honours none of them: the dev-server URL would load any page with the bridge, an
// endpoint override would send the user's Microsoft tokens to any host, and a remote-debugging switch would
// let another program drive the window. The one exception is a simulator on loopback, which only ever sees
// the sandbox's own secret.
import { isLoopbackHost } from '../../../shared/domain/loopback-host';

export interface ShellRuntimeInput {
  packaged: boolean;
  env: NodeJS.ProcessEnv;
  argv: readonly string[];
}

export interface ShellRuntime {
  // The Vite dev server to load instead of the built renderer (development only).
  devServerUrl: string | undefined;
  // DevTools in the View menu and in the window.
  devTools: boolean;
  // The environment the app configuration is read from: a packaged build's without the overrides it ignores.
  env: NodeJS.ProcessEnv;
  // Environment variables set but ignored, named for the log.
  ignoredVariables: string[];
  // Command-line switches a packaged build refuses to start with.
  refusedSwitches: string[];
}

// Overrides of where AuthDesk sends the user's tokens, and the dev server: development only.
const developmentVariables = [
  'ELECTRON_RENDERER_URL',
  'AUTHDESK_PARTNER_CENTER_URL',
  'AUTHDESK_GRAPH_URL',
  'AUTHDESK_LOGIN_URL',
] as const;

const refusedSwitchPrefixes = ['--remote-debugging-port', '--remote-debugging-pipe', '--inspect', '--inspect-brk'];

export function shellRuntime({ packaged, env, argv }: ShellRuntimeInput): ShellRuntime {
  if (!packaged) {
    return {
      devServerUrl: env.ELECTRON_RENDERER_URL?.trim() || undefined,
      devTools: true,
      env,
      ignoredVariables: [],
      refusedSwitches: [],
    };
  }
  const kept: NodeJS.ProcessEnv = { ...env };
  const ignoredVariables: string[] = [];
  for (const name of developmentVariables) {
    if (kept[name] === undefined) continue;
    delete kept[name];
    ignoredVariables.push(name);
  }
  if (kept.AUTHDESK_SIMULATOR_URL !== undefined && !isLoopbackUrl(kept.AUTHDESK_SIMULATOR_URL)) {
    delete kept.AUTHDESK_SIMULATOR_URL;
    ignoredVariables.push('AUTHDESK_SIMULATOR_URL');
  }
  // Chromium reads a switch with one dash as well as two.
  const refusedSwitches = argv.filter((arg) => {
    const spelled = arg.replace(/^-+/, '--');
    return (
      arg.startsWith('-') &&
      refusedSwitchPrefixes.some((prefix) => spelled === prefix || spelled.startsWith(`${prefix}=`))
    );
  });
  return { devServerUrl: undefined, devTools: false, env: kept, ignoredVariables, refusedSwitches };
}

function isLoopbackUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value.trim());
    return (protocol === 'http:' || protocol === 'https:') && isLoopbackHost(hostname);
  } catch {
    return false;
  }
}
