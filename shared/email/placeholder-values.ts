// The values a template's placeholders take for one customer: from the customer record, the partner profile
// and the authorization link, with the instructions block written in the message's language.
import type { Customer } from '../domain/customer';
import type { PartnerProfile } from '../domain/partner-profile';
import { onMicrosoftDomain } from '../domain/validation';
import type { EmailLanguage, PlaceholderValues } from './email-template';

type InstructionsInput = {
  customer: Customer;
  profile: PartnerProfile;
  link: string;
  domain: string;
};

function englishInstructions({ customer, profile, link }: InstructionsInput): string {
  const partners =
    customer.kind === 'indirect'
      ? [
          `- ${customer.resellerName ?? 'your reseller'}${customer.resellerMpnId ? ` (MPN ID ${customer.resellerMpnId})` : ''} as your Microsoft reseller, and`,
          `- ${profile.organizationName} as its indirect Cloud Solution Provider.`,
        ]
      : [`- ${profile.organizationName} as your Microsoft Cloud Solution Provider.`];
  return [
    'Microsoft needs you to accept',
    ...partners,
    '',
    '1. Sign in as a Global administrator of your Microsoft 365 tenant (only a Global administrator can accept).',
    '2. Open this link and review the request in the Microsoft 365 admin center:',
    `   ${link}`,
    '3. Select "Accept authorization" (or "Accept and authorize").',
    '',
    customer.includeDelegatedAdmin
      ? 'The request also asks for delegated administration rights, so we can manage your subscriptions for you.'
      : 'The request does not ask for administration rights in your tenant.',
    'Accepting does not change your existing subscriptions or data.',
  ].join('\n');
}

function germanInstructions({ customer, profile, link }: InstructionsInput): string {
  const partners =
    customer.kind === 'indirect'
      ? [
          `- ${customer.resellerName ?? 'Ihren Reseller'}${customer.resellerMpnId ? ` (MPN-ID ${customer.resellerMpnId})` : ''} als Ihren Microsoft-Reseller und`,
          `- ${profile.organizationName} als dessen indirekten Cloud Solution Provider.`,
        ]
      : [`- ${profile.organizationName} als Ihren Microsoft Cloud Solution Provider.`];
  return [
    'Microsoft benötigt Ihre Zustimmung für',
    ...partners,
    '',
    '1. Melden Sie sich als globaler Administrator Ihres Microsoft 365-Mandanten an (nur ein globaler Administrator kann zustimmen).',
    '2. Öffnen Sie diesen Link und prüfen Sie die Anfrage im Microsoft 365 Admin Center:',
    `   ${link}`,
    '3. Wählen Sie „Autorisierung akzeptieren“ (bzw. „Akzeptieren und autorisieren“).',
    '',
    customer.includeDelegatedAdmin
      ? 'Die Anfrage umfasst auch delegierte Administratorrechte, damit wir Ihre Abonnements für Sie verwalten können.'
      : 'Die Anfrage umfasst keine Administratorrechte in Ihrem Mandanten.',
    'Ihre bestehenden Abonnements und Daten bleiben unverändert.',
  ].join('\n');
}

const instructionsByLanguage: Record<EmailLanguage, (input: InstructionsInput) => string> = {
  en: englishInstructions,
  de: germanInstructions,
};

// What the last verification found missing, one line per failed check, in the message's language.
function missingParts(customer: Customer, profile: PartnerProfile, language: EmailLanguage): string {
  const reseller = customer.resellerName ?? (language === 'de' ? 'Ihren Reseller' : 'your reseller');
  const mpn = customer.resellerMpnId ? ` (MPN${language === 'de' ? '-' : ' '}ID ${customer.resellerMpnId})` : '';
  const lines: Record<string, Record<EmailLanguage, string>> = {
    'customer-relationship': {
      en: `- Accept ${customer.kind === 'indirect' ? reseller : profile.organizationName} as your Microsoft reseller.`,
      de: `- ${customer.kind === 'indirect' ? reseller : profile.organizationName} als Ihren Microsoft-Reseller akzeptieren.`,
    },
    'reseller-associated': {
      en: `- Accept the reseller relationship with ${reseller}${mpn}: the link names both ${reseller} and ${profile.organizationName}.`,
      de: `- Die Reseller-Beziehung mit ${reseller}${mpn} akzeptieren: der Link nennt ${reseller} und ${profile.organizationName}.`,
    },
    'delegated-admin': {
      en: '- Grant administration rights: accept the link again with delegated administration, or approve the GDAP request we sent (Microsoft’s current way).',
      de: '- Administratorrechte gewähren: den Link erneut mit delegierter Administration akzeptieren oder die GDAP-Anfrage genehmigen, die wir gesendet haben (der aktuelle Weg von Microsoft).',
    },
  };
  const failed = (customer.lastVerification?.checks ?? []).filter((check) => check.state === 'failed');
  const found = failed.map((check) => lines[check.id]?.[language] ?? `- ${check.label}`);
  if (found.length > 0) return found.join('\n');
  return language === 'de'
    ? '- Unsere letzte Prüfung hat nichts Fehlendes gefunden.'
    : '- Our last check found nothing missing.';
}

export function placeholderValues(
  customer: Customer,
  profile: PartnerProfile,
  link: string,
  language: EmailLanguage,
): PlaceholderValues {
  const domain = customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix);
  return {
    companyName: customer.companyName,
    contactName: customer.contactName,
    link,
    // A direct customer deals with the partner itself; an indirect one with its reseller.
    resellerName:
      customer.kind === 'indirect' && customer.resellerName ? customer.resellerName : profile.organizationName,
    partnerOrganization: profile.organizationName,
    defaultDomain: domain,
    instructions: instructionsByLanguage[language]({ customer, profile, link, domain }),
    missingParts: missingParts(customer, profile, language),
  };
}
