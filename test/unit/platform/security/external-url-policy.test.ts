// Only mailto: and https://admin.microsoft.com/ ever reach the operating system.
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, openExternalSafely } from '../../../../main/platform/security/external-url-policy';

describe('external URL policy', () => {
  it.each([
    'mailto:anna@contoso.com?subject=Hi&body=Link',
    'mailto:o%27brien%2Bcrm%40contoso.com?subject=Hi%20there',
    'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=x&DAP=true#/BillingAccounts/partner-invitation',
    'https://ADMIN.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/1-2',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://admin.microsoft.com/Adminportal',
    'https://admin.microsoft.com.evil.example/',
    'https://admin.microsoft.com@evil.example/',
    'https://user:pass@admin.microsoft.com/',
    'https://admin.microsoft.com:8443/',
    'https://evil.example/?next=https://admin.microsoft.com/',
    'https://login.microsoftonline.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ms-settings:privacy',
    'smb://server/share',
    'not a url',
    '',
    'mailto:anna@contoso.com?attach=/home/anna/.ssh/id_rsa',
    'mailto:anna@contoso.com?subject=Hi&bcc=eve@evil.example',
    'mailto:anna@contoso.com?CC=eve@evil.example',
    'mailto:anna@contoso.com?to=eve@evil.example',
    'mailto:anna@contoso.com,eve@evil.example',
    'mailto:anna@contoso.com?subject=a&subject=b',
    'mailto:?subject=Hi',
    'mailto:Anna%20%3Canna@contoso.com%3E',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('opens allowed URLs and refuses others without calling the opener', async () => {
    const opened: string[] = [];
    const open = async (url: string) => {
      opened.push(url);
    };
    await openExternalSafely(open, 'mailto:a@b.com');
    await expect(openExternalSafely(open, 'file:///bin/sh')).rejects.toMatchObject({ code: 'invalid-request' });
    expect(opened).toEqual(['mailto:a@b.com']);
  });
});
