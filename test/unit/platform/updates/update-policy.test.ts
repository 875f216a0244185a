import { describe, expect, it } from 'vitest';
import { updatePolicy, type UpdatePolicyInput } from '../../../../main/platform/updates/update-policy';

const installed: UpdatePolicyInput = {
  packaged: true,
  mode: 'production',
  platform: 'win32',
  appImage: undefined,
  hasFeed: true,
};

describe('updatePolicy', () => {
  it('updates an installed build with a feed on Windows, macOS and a Linux AppImage', () => {
    expect(updatePolicy(installed)).toEqual({ enabled: true });
    expect(updatePolicy({ ...installed, platform: 'darwin' })).toEqual({ enabled: true });
    expect(updatePolicy({ ...installed, platform: 'linux', appImage: '/home/anna/AuthDesk.AppImage' })).toEqual({
      enabled: true,
    });
  });

  it('stays off in development, without a feed, in sandbox mode, and for a Linux package', () => {
    expect(updatePolicy({ ...installed, packaged: false })).toEqual({
      enabled: false,
      reason: 'a development run is not updated',
    });
    expect(updatePolicy({ ...installed, hasFeed: false })).toEqual({
      enabled: false,
      reason: 'this build has no update feed',
    });
    expect(updatePolicy({ ...installed, mode: 'sandbox' })).toEqual({
      enabled: false,
      reason: 'updates are off in sandbox mode',
    });
    expect(updatePolicy({ ...installed, platform: 'linux' })).toMatchObject({ enabled: false });
    expect(updatePolicy({ ...installed, platform: 'freebsd' })).toMatchObject({ enabled: false });
  });
});
