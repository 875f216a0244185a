// Reads the claims AuthDesk cares about from an access token (a JWT) without verifying it: the token is for
// Partner Center, which verifies it; AuthDesk only looks at amr to warn when the sign-in lacked MFA.
import { z } from 'zod';

const claimsSchema = z.looseObject({ amr: z.array(z.string()).optional() });

export function accessTokenUsedMfa(accessToken: string): boolean | null {
  const payload = accessToken.split('.')[1];
  if (!payload) return null;
  try {
    const claims = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claims.success || claims.data.amr === undefined) return null;
    return claims.data.amr.includes('mfa');
  } catch {
    return null;
  }
}

export const missingMfaWarning =
  'You signed in without multi-factor authentication. Partner Center requires MFA for App+User calls: sign out, then sign in again with MFA.';
