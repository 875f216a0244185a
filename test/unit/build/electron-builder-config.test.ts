// The installer configuration: the targets we ship, the native modules unpacked from the asar (a .node
// file cannot load from inside it), the Electron fuses that close Node-level back doors, and that the shell's
// code agrees with them (the renderer served from the app scheme, since file:// has no extra privileges).
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { appOrigin } from '../../../main/platform/security/app-origin';
import { appSchemePrivileges } from '../../../main/platform/security/app-scheme';

const root = resolve(__dirname, '../../..');
const config = load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const section = (name: string) => config[name] as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('names the app and ships its icon', () => {
    expect(config.appId).toBe('com.authdesk.app');
    expect(config.productName).toBe('AuthDesk');
    for (const platform of ['win', 'mac', 'linux']) {
      const icon = section(platform).icon as string;
      expect(existsSync(resolve(root, icon)), `${platform} icon ${icon}`).toBe(true);
    }
  });

  it('builds NSIS for Windows, a hardened dmg for macOS, AppImage and deb for Linux', () => {
    expect(section('win').target).toEqual(['nsis']);
    expect(section('mac').target).toEqual(['dmg', 'zip']);
    expect(section('mac').hardenedRuntime).toBe(true);
    expect(section('linux').target).toEqual(['AppImage', 'deb']);
  });

  it('rebuilds native modules for Electron and unpacks them from the asar', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    const unpacked = config.asarUnpack as string[];
    expect(unpacked.some((pattern) => pattern.includes('better-sqlite3'))).toBe(true);
    expect(unpacked.some((pattern) => pattern.includes('@napi-rs/keyring'))).toBe(true);
  });

  it('sets the Electron fuses: no RunAsNode, no Node options, cookie encryption, asar integrity', () => {
    expect(section('electronFuses')).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('agrees with the shell: with file:// unprivileged, the window loads the app scheme, registered and handled', () => {
    expect(section('electronFuses').grantFileProtocolExtraPrivileges).toBe(false);
    expect(appOrigin(undefined).url).toBe(`${appSchemePrivileges.scheme}://app/index.html`);
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true });
    const shell = readFileSync(resolve(root, 'main/index.ts'), 'utf8');
    expect(shell).toContain('protocol.registerSchemesAsPrivileged([appSchemePrivileges])');
    expect(shell).toMatch(/protocol\.handle\(\s*appScheme,/);
    expect(shell).not.toMatch(/loadFile|file:\/\//);
  });

  it('publishes updates to a generic feed whose URL is given when packaging', () => {
    expect(section('publish')).toEqual({ provider: 'generic', url: '${env.AUTHDESK_UPDATE_URL}' });
  });

  it('packs only the build output, and the build output holds the entry point package.json names', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main.startsWith('./out/')).toBe(true);
  });
});
