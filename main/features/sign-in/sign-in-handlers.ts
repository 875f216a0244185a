// The sign-in channels' handlers: thin calls into the sign-in service.
import type { signInChannels } from '../../../shared/ipc/channels/sign-in';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { SignInService } from './sign-in-service';

export function createSignInHandlers({ signIn }: { signIn: SignInService }): HandlersOf<typeof signInChannels> {
  return {
    getSignInStatus: async () => signIn.status(),
    saveSignInSettings: async (settings) => signIn.saveSettings(settings),
    signIn: async () => signIn.signIn(),
    signOut: async () => signIn.signOut(),
  };
}
