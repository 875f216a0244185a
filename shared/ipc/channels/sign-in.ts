// The channels of connecting to Partner Center (App+User sign-in with MSAL): signed in means production mode.
import type { Channels } from '../channel';
import { signInSettingsSchema, signInStatusSchema } from '../../domain/partner-center-sign-in';
import { noArguments } from '../ids';

export const signInChannels = {
  getSignInStatus: { request: noArguments, response: signInStatusSchema },
  saveSignInSettings: { request: signInSettingsSchema.strict(), response: signInStatusSchema },
  signIn: { request: noArguments, response: signInStatusSchema },
  signOut: { request: noArguments, response: signInStatusSchema },
} as const satisfies Channels;
