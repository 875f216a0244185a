import { describe, expect, it } from 'vitest';
import { shellRuntime } from '../../../../main/platform/config/shell-runtime';

const overrides = {
  ELECTRON_RENDERER_URL: 'http://localhost:5173',
  AUTHDESK_PARTNER_CENTER_URL: 'http://evil.example',
  AUTHDESK_GRAPH_URL: 'http://evil.example/graph',
  AUTHDESK_LOGIN_URL: 'http://evil.example/login',
  AUTHDESK_DATA_DIR: '/home/anna/authdesk',
};

describe('shellRuntime', () => {
  it('in development keeps the dev server, the overrides and DevTools', () => {
    const runtime = shellRuntime({
      packaged: false,
      env: overrides,
      argv: ['electron', '--remote-debugging-port=9222'],
    });
    expect(runtime).toEqual({
      devServerUrl: 'http://localhost:5173',
      devTools: true,
      env: overrides,
      ignoredVariables: [],
      refusedSwitches: [],
    });
  });

  it('packaged, ignores the dev server and every endpoint override, and has no DevTools', () => {
    const runtime = shellRuntime({ packaged: true, env: overrides, argv: ['/opt/AuthDesk/authdesk'] });
    expect(runtime.devServerUrl).toBeUndefined();
    expect(runtime.devTools).toBe(false);
    expect(runtime.env).toEqual({ AUTHDESK_DATA_DIR: '/home/anna/authdesk' });
    expect(runtime.ignoredVariables).toEqual([
      'ELECTRON_RENDERER_URL',
      'AUTHDESK_PARTNER_CENTER_URL',
      'AUTHDESK_GRAPH_URL',
      'AUTHDESK_LOGIN_URL',
    ]);
    expect(runtime.refusedSwitches).toEqual([]);
  });

  it('packaged, keeps a simulator on loopback only', () => {
    for (const url of ['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010']) {
      expect(shellRuntime({ packaged: true, env: { AUTHDESK_SIMULATOR_URL: url }, argv: [] }).env).toEqual({
        AUTHDESK_SIMULATOR_URL: url,
      });
    }
    for (const url of ['http://10.0.0.5:4010', 'http://127.0.0.1.evil.example', 'file:///tmp/x', 'nonsense']) {
      const runtime = shellRuntime({ packaged: true, env: { AUTHDESK_SIMULATOR_URL: url }, argv: [] });
      expect(runtime.env, url).toEqual({});
      expect(runtime.ignoredVariables).toEqual(['AUTHDESK_SIMULATOR_URL']);
    }
  });

  it('packaged, refuses remote-debugging and inspector switches in either spelling', () => {
    const runtime = shellRuntime({
      packaged: true,
      env: {},
      argv: [
        '/opt/AuthDesk/authdesk',
        '--remote-debugging-port=9222',
        '--remote-debugging-pipe',
        '--inspect',
        '--inspect-brk=9229',
        '-remote-debugging-port=9223',
        '--remote-debugging-portal',
        '--lang=el',
        'remote-debugging-port=1',
      ],
    });
    expect(runtime.refusedSwitches).toEqual([
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--inspect',
      '--inspect-brk=9229',
      '-remote-debugging-port=9223',
    ]);
  });
});
