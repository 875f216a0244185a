// The domains a customer's default domain most likely is, offered as choices in the Verify dialog: the one
// learnt at an earlier verification, the initial prefix.onmicrosoft.com one, and the contact's email domain
// (unless it is a public mailbox provider's, which is nobody's tenant).
import { onMicrosoftDomain } from './validation';

const publicMailDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'proton.me',
  'protonmail.com',
  'orange.fr',
  'free.fr',
  'libero.it',
  'wp.pl',
  'o2.pl',
]);

export function candidateDefaultDomains(customer: {
  defaultDomain: string | null;
  domainPrefix: string;
  contactEmail: string;
}): string[] {
  const emailDomain = customer.contactEmail.split('@')[1]?.trim().toLowerCase() ?? '';
  const candidates = [
    customer.defaultDomain?.toLowerCase() ?? '',
    customer.domainPrefix ? onMicrosoftDomain(customer.domainPrefix).toLowerCase() : '',
    emailDomain.includes('.') && !publicMailDomains.has(emailDomain) ? emailDomain : '',
  ];
  return [...new Set(candidates.filter((domain) => domain !== ''))];
}
