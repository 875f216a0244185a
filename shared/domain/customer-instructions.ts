// The instructions handed to the customer with the link (copied, or put in an email).
// Pure text so it can be copied, put in a mailto: body, or rendered by a template later.
import type { Customer } from './customer';
import { senderSignature, type PartnerProfile } from './partner-profile';
import { onMicrosoftDomain } from './validation';

export interface CustomerInstructions {
  subject: string;
  body: string;
}

export function customerInstructions(customer: Customer, profile: PartnerProfile, link: string): CustomerInstructions {
  const sender =
    customer.kind === 'indirect' && customer.resellerName ? customer.resellerName : profile.organizationName;
  const domain = customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix);
  const partnerLines =
    customer.kind === 'indirect'
      ? [
          `- ${customer.resellerName ?? 'your reseller'}${customer.resellerMpnId ? ` (MPN ID ${customer.resellerMpnId})` : ''} as your Microsoft reseller, and`,
          `- ${profile.organizationName} as its indirect Cloud Solution Provider.`,
        ]
      : [`- ${profile.organizationName} as your Microsoft Cloud Solution Provider.`];
  const adminLine = customer.includeDelegatedAdmin
    ? 'The request also asks for delegated administration rights, so we can manage your subscriptions for you.'
    : 'The request does not ask for administration rights in your tenant.';
  const body = [
    `Hello ${customer.contactName},`,
    '',
    `To complete your Microsoft 365 order for ${customer.companyName} (${domain}), Microsoft needs you to accept`,
    ...partnerLines,
    '',
    '1. Sign in as a Global administrator of your Microsoft 365 tenant.',
    '2. Open this link and review the request in the Microsoft 365 admin center:',
    `   ${link}`,
    '3. Select "Accept authorization" (or "Accept and authorize").',
    '',
    adminLine,
    'Accepting does not change your existing subscriptions or data.',
    '',
    'Please let us know once you have accepted, and we will complete your order.',
    '',
    `Kind regards,`,
    // Whoever the customer authorizes, the distributor's account manager sends this: it is signed as them.
    senderSignature(profile),
  ].join('\n');
  return { subject: `Please authorize ${sender} for your Microsoft 365 order`, body };
}

// mailto: URLs over roughly 2,000 characters are cut off by some mail clients.
export const mailtoLengthLimit = 2000;

export function mailtoUrl(to: string, instructions: CustomerInstructions): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '%20');
  return `mailto:${encodeURIComponent(to)}?subject=${encode(instructions.subject)}&body=${encode(instructions.body.replace(/\n/g, '\r\n'))}`;
}
