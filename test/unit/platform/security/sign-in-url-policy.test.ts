// The system browser may be sent to the configured authority's authorize page, and nowhere else new.
import { describe, expect, it } from 'vitest';
import { isSignInPageUrl, openExternalSafely } from '../../../../main/platform/security/external-url-policy';

const login = 'https://login.microsoftonline.com';

describe('sign-in page policy', () => {
  it('allows the authorize endpoint of the configured authority only', () => {
    expect(isSignInPageUrl(`${login}/organizations/oauth2/v2.0/authorize?client_id=x`, login)).toBe(true);
    expect(isSignInPageUrl(`${login}/organizations/oauth2/v2.0/token`, login)).toBe(false);
    expect(isSignInPageUrl('https://login.microsoftonline.com.evil.example/t/oauth2/v2.0/authorize', login)).toBe(
      false,
    );
    expect(isSignInPageUrl(`https://user@login.microsoftonline.com/t/oauth2/v2.0/authorize`, login)).toBe(false);
    expect(isSignInPageUrl('http://127.0.0.1:4000/t/oauth2/v2.0/authorize', 'http://127.0.0.1:4000')).toBe(true);
  });

  it('opens a sign-in page only when the authority is given', async () => {
    const opened: string[] = [];
    const open = async (url: string) => {
      opened.push(url);
    };
    const page = `${login}/t/oauth2/v2.0/authorize?x=1`;
    await expect(openExternalSafely(open, page)).rejects.toThrow();
    await openExternalSafely(open, page, login);
    expect(opened).toEqual([page]);
  });
});
