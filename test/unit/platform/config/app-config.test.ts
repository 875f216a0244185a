// Configuration from the environment: data dir, Partner Center and simulator URLs.
import { describe, expect, it } from 'vitest';
import { readAppConfig } from '../../../../main/platform/config/app-config';

const defaults = { dataDir: '/home/anna/.config/AuthDesk', version: '1.2.3' };

describe('readAppConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const config = readAppConfig(defaults, {});
    expect(config).toMatchObject({
      dataDir: defaults.dataDir,
      partnerCenterUrl: null,
      simulatorUrl: null,
      version: '1.2.3',
    });
    expect(config.actor.length).toBeGreaterThan(0);
  });

  it('reads the data dir and URLs from the environment', () => {
    const config = readAppConfig(defaults, {
      AUTHDESK_DATA_DIR: '/tmp/authdesk',
      AUTHDESK_PARTNER_CENTER_URL: 'https://api.partnercenter.microsoft.com/',
      AUTHDESK_SIMULATOR_URL: 'http://127.0.0.1:4010',
    });
    expect(config).toMatchObject({
      dataDir: '/tmp/authdesk',
      partnerCenterUrl: 'https://api.partnercenter.microsoft.com',
      simulatorUrl: 'http://127.0.0.1:4010',
    });
  });

  it('refuses a URL that is not http(s)', () => {
    expect(() => readAppConfig(defaults, { AUTHDESK_PARTNER_CENTER_URL: 'file:///x' })).toThrow(/http/);
    expect(() => readAppConfig(defaults, { AUTHDESK_SIMULATOR_URL: 'nope' })).toThrow(/not a URL/);
  });
});
