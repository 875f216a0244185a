// Signing in to Partner Center as the partner user (App+User): the app registration to sign in with, and
// what Settings shows about the signed-in account.
import { z } from 'zod';
import { tenantIdSchema } from './partner-profile';

export const signInSettingsSchema = z.object({
  clientId: z
    .string()
    .trim()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'The application (client) ID is a GUID from the app registration in Microsoft Entra ID.',
    ),
  tenantId: tenantIdSchema,
});
export type SignInSettings = z.infer<typeof signInSettingsSchema>;

export const signInStatusSchema = z.object({
  settings: signInSettingsSchema.nullable(),
  account: z.object({ username: z.string(), name: z.string().nullable(), tenantId: z.string() }).nullable(),
  // Whether the last token carried "mfa" in its amr claim; null when not known yet.
  mfa: z.boolean().nullable(),
  // A warning for the user (no MFA; sign in again).
  warning: z.string().nullable(),
  loginUrl: z.string(),
});
export type SignInStatus = z.infer<typeof signInStatusSchema>;
