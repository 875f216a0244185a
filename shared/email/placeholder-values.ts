// The values a template's placeholders take for one customer: from the customer record, the partner profile,
// the authorization link and the customer's pending GDAP request, with the instructions, the "missing parts"
// lines and the GDAP paragraph written in the message's language (a language the user added gets English ones,
// for them to rewrite in the template if they wish).
import type { Customer } from '../domain/customer';
import { senderSignature, type PartnerProfile } from '../domain/partner-profile';
import { onMicrosoftDomain } from '../domain/validation';
import { isEmailLanguage, type EmailLanguage, type EmailLanguageCode, type PlaceholderValues } from './email-template';

// What each shipped language says in the generated blocks. reseller: the customer's reseller, already its name
// or the language's "your reseller"; mpn: " (MPN ID …)" or ''.
interface Phrases {
  yourReseller: string;
  mpn: (id: string) => string;
  accept: string;
  indirect: (reseller: string, mpn: string, organization: string) => [string, string];
  direct: (organization: string) => string;
  steps: (link: string) => string[];
  delegated: string;
  notDelegated: string;
  unchanged: string;
  missing: {
    customerRelationship: (reseller: string) => string;
    resellerAssociated: (reseller: string, mpn: string, organization: string) => string;
    delegatedAdmin: string;
    nothing: string;
  };
  gdap: (link: string) => string[];
}

const phrases: Record<EmailLanguage, Phrases> = {
  en: {
    yourReseller: 'your reseller',
    mpn: (id) => ` (MPN ID ${id})`,
    accept: 'Microsoft needs you to accept',
    indirect: (reseller, mpn, organization) => [
      `- ${reseller}${mpn} as your Microsoft reseller, and`,
      `- ${organization} as its indirect Cloud Solution Provider.`,
    ],
    direct: (organization) => `- ${organization} as your Microsoft Cloud Solution Provider.`,
    steps: (link) => [
      '1. Sign in as a Global administrator of your Microsoft 365 tenant (only a Global administrator can accept).',
      '2. Open this link and review the request in the Microsoft 365 admin center:',
      `   ${link}`,
      '3. Select "Accept authorization" (or "Accept and authorize").',
    ],
    delegated:
      'The request also asks for delegated administration rights, so we can manage your subscriptions for you.',
    notDelegated: 'The request does not ask for administration rights in your tenant.',
    unchanged: 'Accepting does not change your existing subscriptions or data.',
    missing: {
      customerRelationship: (reseller) => `- Accept ${reseller} as your Microsoft reseller.`,
      resellerAssociated: (reseller, mpn, organization) =>
        `- Accept the reseller relationship with ${reseller}${mpn}: the link names both ${reseller} and ${organization}.`,
      delegatedAdmin:
        '- Grant administration rights: accept the link again with delegated administration, or approve the GDAP request we sent (Microsoft’s current way).',
      nothing: '- Our last check found nothing missing.',
    },
    gdap: (link) => [
      'We have also sent a request for granular delegated admin privileges (GDAP), so that we can manage your Microsoft 365 services for a limited time and with only the roles we need. A Global administrator can review and approve it here:',
      `   ${link}`,
      'You can end this access at any time in the Microsoft 365 admin center.',
    ],
  },
  de: {
    yourReseller: 'Ihren Reseller',
    mpn: (id) => ` (MPN-ID ${id})`,
    accept: 'Microsoft benötigt Ihre Zustimmung für',
    indirect: (reseller, mpn, organization) => [
      `- ${reseller}${mpn} als Ihren Microsoft-Reseller und`,
      `- ${organization} als dessen indirekten Cloud Solution Provider.`,
    ],
    direct: (organization) => `- ${organization} als Ihren Microsoft Cloud Solution Provider.`,
    steps: (link) => [
      '1. Melden Sie sich als globaler Administrator Ihres Microsoft 365-Mandanten an (nur ein globaler Administrator kann zustimmen).',
      '2. Öffnen Sie diesen Link und prüfen Sie die Anfrage im Microsoft 365 Admin Center:',
      `   ${link}`,
      '3. Wählen Sie „Autorisierung akzeptieren“ (bzw. „Akzeptieren und autorisieren“).',
    ],
    delegated:
      'Die Anfrage umfasst auch delegierte Administratorrechte, damit wir Ihre Abonnements für Sie verwalten können.',
    notDelegated: 'Die Anfrage umfasst keine Administratorrechte in Ihrem Mandanten.',
    unchanged: 'Ihre bestehenden Abonnements und Daten bleiben unverändert.',
    missing: {
      customerRelationship: (reseller) => `- ${reseller} als Ihren Microsoft-Reseller akzeptieren.`,
      resellerAssociated: (reseller, mpn, organization) =>
        `- Die Reseller-Beziehung mit ${reseller}${mpn} akzeptieren: der Link nennt ${reseller} und ${organization}.`,
      delegatedAdmin:
        '- Administratorrechte gewähren: den Link erneut mit delegierter Administration akzeptieren oder die GDAP-Anfrage genehmigen, die wir gesendet haben (der aktuelle Weg von Microsoft).',
      nothing: '- Unsere letzte Prüfung hat nichts Fehlendes gefunden.',
    },
    gdap: (link) => [
      'Außerdem haben wir eine Anfrage für granulare delegierte Administratorberechtigungen (GDAP) gesendet, damit wir Ihre Microsoft 365-Dienste zeitlich begrenzt und nur mit den nötigen Rollen verwalten können. Ein globaler Administrator kann sie hier prüfen und genehmigen:',
      `   ${link}`,
      'Sie können diesen Zugriff jederzeit im Microsoft 365 Admin Center beenden.',
    ],
  },
  fr: {
    yourReseller: 'votre revendeur',
    mpn: (id) => ` (ID MPN ${id})`,
    accept: 'Microsoft vous demande d’accepter :',
    indirect: (reseller, mpn, organization) => [
      `- ${reseller}${mpn} en tant que revendeur Microsoft, et`,
      `- ${organization} en tant que fournisseur Cloud Solution Provider indirect de celui-ci.`,
    ],
    direct: (organization) => `- ${organization} en tant que fournisseur Microsoft Cloud Solution Provider.`,
    steps: (link) => [
      '1. Connectez-vous en tant qu’administrateur général de votre locataire Microsoft 365 (seul un administrateur général peut accepter).',
      '2. Ouvrez ce lien et examinez la demande dans le Centre d’administration Microsoft 365 :',
      `   ${link}`,
      '3. Sélectionnez « Accepter l’autorisation » (ou « Accepter et autoriser »).',
    ],
    delegated:
      'La demande comprend également des droits d’administration déléguée, afin que nous puissions gérer vos abonnements pour vous.',
    notDelegated: 'La demande ne comprend aucun droit d’administration sur votre locataire.',
    unchanged: 'Cette acceptation ne modifie ni vos abonnements existants ni vos données.',
    missing: {
      customerRelationship: (reseller) => `- Accepter ${reseller} en tant que revendeur Microsoft.`,
      resellerAssociated: (reseller, mpn, organization) =>
        `- Accepter la relation de revendeur avec ${reseller}${mpn} : le lien mentionne à la fois ${reseller} et ${organization}.`,
      delegatedAdmin:
        '- Accorder les droits d’administration : acceptez à nouveau le lien avec l’administration déléguée, ou approuvez la demande GDAP que nous vous avons envoyée (la méthode actuelle de Microsoft).',
      nothing: '- Notre dernière vérification n’a rien relevé de manquant.',
    },
    gdap: (link) => [
      'Nous vous avons également envoyé une demande de privilèges d’administrateur délégué granulaires (GDAP), afin de pouvoir gérer vos services Microsoft 365 pour une durée limitée et avec les seuls rôles nécessaires. Un administrateur général peut l’examiner et l’approuver ici :',
      `   ${link}`,
      'Vous pouvez mettre fin à cet accès à tout moment dans le Centre d’administration Microsoft 365.',
    ],
  },
  es: {
    yourReseller: 'su revendedor',
    mpn: (id) => ` (MPN ID ${id})`,
    accept: 'Microsoft necesita que acepte:',
    indirect: (reseller, mpn, organization) => [
      `- ${reseller}${mpn} como su revendedor de Microsoft, y`,
      `- ${organization} como proveedor indirecto de Cloud Solution Provider de dicho revendedor.`,
    ],
    direct: (organization) => `- ${organization} como su proveedor de Microsoft Cloud Solution Provider.`,
    steps: (link) => [
      '1. Inicie sesión como administrador global de su inquilino de Microsoft 365 (solo un administrador global puede aceptar).',
      '2. Abra este enlace y revise la solicitud en el Centro de administración de Microsoft 365:',
      `   ${link}`,
      '3. Seleccione «Aceptar autorización» (o «Aceptar y autorizar»).',
    ],
    delegated:
      'La solicitud también incluye derechos de administración delegada, para que podamos gestionar sus suscripciones por usted.',
    notDelegated: 'La solicitud no incluye derechos de administración en su inquilino.',
    unchanged: 'Aceptarla no modifica sus suscripciones ni sus datos actuales.',
    missing: {
      customerRelationship: (reseller) => `- Aceptar a ${reseller} como su revendedor de Microsoft.`,
      resellerAssociated: (reseller, mpn, organization) =>
        `- Aceptar la relación de revendedor con ${reseller}${mpn}: el enlace menciona tanto a ${reseller} como a ${organization}.`,
      delegatedAdmin:
        '- Conceder derechos de administración: acepte de nuevo el enlace con administración delegada o apruebe la solicitud GDAP que le hemos enviado (el método actual de Microsoft).',
      nothing: '- Nuestra última comprobación no ha detectado nada pendiente.',
    },
    gdap: (link) => [
      'También le hemos enviado una solicitud de privilegios de administrador delegado granular (GDAP), para poder gestionar sus servicios de Microsoft 365 durante un tiempo limitado y solo con los roles necesarios. Un administrador global puede revisarla y aprobarla aquí:',
      `   ${link}`,
      'Puede poner fin a este acceso en cualquier momento desde el Centro de administración de Microsoft 365.',
    ],
  },
  it: {
    yourReseller: 'il suo rivenditore',
    mpn: (id) => ` (ID MPN ${id})`,
    accept: 'Microsoft le chiede di accettare:',
    indirect: (reseller, mpn, organization) => [
      `- ${reseller}${mpn} come rivenditore Microsoft e`,
      `- ${organization} come Cloud Solution Provider indiretto di tale rivenditore.`,
    ],
    direct: (organization) => `- ${organization} come Microsoft Cloud Solution Provider.`,
    steps: (link) => [
      '1. Acceda come amministratore globale del suo tenant Microsoft 365 (solo un amministratore globale può accettare).',
      '2. Apra questo link ed esamini la richiesta nell’interfaccia di amministrazione di Microsoft 365:',
      `   ${link}`,
      '3. Selezioni «Accetta autorizzazione» (oppure «Accetta e autorizza»).',
    ],
    delegated:
      'La richiesta include anche i diritti di amministrazione delegata, così da permetterci di gestire i suoi abbonamenti per suo conto.',
    notDelegated: 'La richiesta non include diritti di amministrazione sul suo tenant.',
    unchanged: 'L’accettazione non modifica i suoi abbonamenti né i suoi dati esistenti.',
    missing: {
      customerRelationship: (reseller) => `- Accettare ${reseller} come rivenditore Microsoft.`,
      resellerAssociated: (reseller, mpn, organization) =>
        `- Accettare la relazione di rivendita con ${reseller}${mpn}: il link indica sia ${reseller} sia ${organization}.`,
      delegatedAdmin:
        '- Concedere i diritti di amministrazione: accetti di nuovo il link con l’amministrazione delegata oppure approvi la richiesta GDAP che le abbiamo inviato (il metodo attuale di Microsoft).',
      nothing: '- Il nostro ultimo controllo non ha rilevato nulla di mancante.',
    },
    gdap: (link) => [
      'Le abbiamo inoltre inviato una richiesta di privilegi di amministratore delegato granulare (GDAP), per poter gestire i suoi servizi Microsoft 365 per un periodo limitato e solo con i ruoli necessari. Un amministratore globale può esaminarla e approvarla qui:',
      `   ${link}`,
      'Può revocare questo accesso in qualsiasi momento dall’interfaccia di amministrazione di Microsoft 365.',
    ],
  },
  nl: {
    yourReseller: 'uw reseller',
    mpn: (id) => ` (MPN-ID ${id})`,
    accept: 'Microsoft vraagt u het volgende te accepteren:',
    indirect: (reseller, mpn, organization) => [
      `- ${reseller}${mpn} als uw Microsoft-reseller, en`,
      `- ${organization} als diens indirecte Cloud Solution Provider.`,
    ],
    direct: (organization) => `- ${organization} als uw Microsoft Cloud Solution Provider.`,
    steps: (link) => [
      '1. Meld u aan als globale beheerder van uw Microsoft 365-tenant (alleen een globale beheerder kan accepteren).',
      '2. Open deze link en bekijk het verzoek in het Microsoft 365-beheercentrum:',
      `   ${link}`,
      '3. Selecteer "Autorisatie accepteren" (of "Accepteren en autoriseren").',
    ],
    delegated: 'Het verzoek omvat ook gedelegeerde beheerdersrechten, zodat wij uw abonnementen voor u kunnen beheren.',
    notDelegated: 'Het verzoek omvat geen beheerdersrechten in uw tenant.',
    unchanged: 'Accepteren verandert niets aan uw bestaande abonnementen of gegevens.',
    missing: {
      customerRelationship: (reseller) => `- ${reseller} accepteren als uw Microsoft-reseller.`,
      resellerAssociated: (reseller, mpn, organization) =>
        `- De resellerrelatie met ${reseller}${mpn} accepteren: de link noemt zowel ${reseller} als ${organization}.`,
      delegatedAdmin:
        '- Beheerdersrechten verlenen: accepteer de link opnieuw met gedelegeerd beheer, of keur het GDAP-verzoek goed dat wij u hebben gestuurd (de huidige werkwijze van Microsoft).',
      nothing: '- Bij onze laatste controle ontbrak er niets.',
    },
    gdap: (link) => [
      'Daarnaast hebben wij u een verzoek gestuurd voor gedetailleerde gedelegeerde beheerdersbevoegdheden (GDAP), zodat wij uw Microsoft 365-services voor beperkte tijd en alleen met de benodigde rollen kunnen beheren. Een globale beheerder kan het verzoek hier bekijken en goedkeuren:',
      `   ${link}`,
      'U kunt deze toegang op elk moment beëindigen in het Microsoft 365-beheercentrum.',
    ],
  },
  pt: {
    yourReseller: 'o seu revendedor',
    mpn: (id) => ` (ID MPN ${id})`,
    accept: 'A Microsoft precisa que aceite:',
    indirect: (reseller, mpn, organization) => [
      `- ${reseller}${mpn} como o seu revendedor Microsoft, e`,
      `- ${organization} como o respetivo Cloud Solution Provider indireto.`,
    ],
    direct: (organization) => `- ${organization} como o seu Microsoft Cloud Solution Provider.`,
    steps: (link) => [
      '1. Inicie sessão como administrador global do seu inquilino do Microsoft 365 (só um administrador global pode aceitar).',
      '2. Abra esta ligação e reveja o pedido no Centro de administração do Microsoft 365:',
      `   ${link}`,
      '3. Selecione "Aceitar autorização" (ou "Aceitar e autorizar").',
    ],
    delegated:
      'O pedido inclui também direitos de administração delegada, para que possamos gerir as suas subscrições por si.',
    notDelegated: 'O pedido não inclui direitos de administração no seu inquilino.',
    unchanged: 'A aceitação não altera as suas subscrições nem os seus dados existentes.',
    missing: {
      customerRelationship: (reseller) => `- Aceitar ${reseller} como o seu revendedor Microsoft.`,
      resellerAssociated: (reseller, mpn, organization) =>
        `- Aceitar a relação de revendedor com ${reseller}${mpn}: a ligação indica tanto ${reseller} como ${organization}.`,
      delegatedAdmin:
        '- Conceder direitos de administração: aceite novamente a ligação com administração delegada ou aprove o pedido GDAP que lhe enviámos (o método atual da Microsoft).',
      nothing: '- A nossa última verificação não detetou nada em falta.',
    },
    gdap: (link) => [
      'Enviámos também um pedido de privilégios de administrador delegado granular (GDAP), para podermos gerir os seus serviços Microsoft 365 durante um período limitado e apenas com as funções necessárias. Um administrador global pode revê-lo e aprová-lo aqui:',
      `   ${link}`,
      'Pode terminar este acesso a qualquer momento no Centro de administração do Microsoft 365.',
    ],
  },
  pl: {
    yourReseller: 'Państwa odsprzedawca',
    mpn: (id) => ` (MPN ID ${id})`,
    accept: 'Microsoft prosi o zaakceptowanie:',
    indirect: (reseller, mpn, organization) => [
      `- ${reseller}${mpn} jako odsprzedawcy Microsoft oraz`,
      `- ${organization} jako jego pośredniego dostawcy w programie Cloud Solution Provider.`,
    ],
    direct: (organization) => `- ${organization} jako dostawcy w programie Microsoft Cloud Solution Provider.`,
    steps: (link) => [
      '1. Zalogować się jako administrator globalny dzierżawy Microsoft 365 (tylko administrator globalny może zaakceptować żądanie).',
      '2. Otworzyć ten link i sprawdzić żądanie w centrum administracyjnym platformy Microsoft 365:',
      `   ${link}`,
      '3. Wybrać „Zaakceptuj autoryzację” (lub „Zaakceptuj i autoryzuj”).',
    ],
    delegated:
      'Żądanie obejmuje również delegowane uprawnienia administracyjne, dzięki którym będziemy mogli zarządzać Państwa subskrypcjami.',
    notDelegated: 'Żądanie nie obejmuje uprawnień administracyjnych w Państwa dzierżawie.',
    unchanged: 'Zaakceptowanie nie zmienia istniejących subskrypcji ani danych.',
    missing: {
      customerRelationship: (reseller) => `- Zaakceptować ${reseller} jako odsprzedawcę Microsoft.`,
      resellerAssociated: (reseller, mpn, organization) =>
        `- Zaakceptować relację odsprzedawcy: ${reseller}${mpn}. Link wskazuje zarówno ${reseller}, jak i ${organization}.`,
      delegatedAdmin:
        '- Przyznać uprawnienia administracyjne: ponownie zaakceptować link z administracją delegowaną lub zatwierdzić wysłane przez nas żądanie GDAP (obecnie zalecany przez Microsoft sposób).',
      nothing: '- Nasza ostatnia weryfikacja nie wykazała żadnych braków.',
    },
    gdap: (link) => [
      'Wysłaliśmy również żądanie szczegółowych delegowanych uprawnień administratora (GDAP), abyśmy mogli przez ograniczony czas zarządzać Państwa usługami Microsoft 365 wyłącznie w zakresie niezbędnych ról. Administrator globalny może je sprawdzić i zatwierdzić tutaj:',
      `   ${link}`,
      'Ten dostęp można w każdej chwili zakończyć w centrum administracyjnym platformy Microsoft 365.',
    ],
  },
  el: {
    yourReseller: 'τον μεταπωλητή σας',
    mpn: (id) => ` (MPN ID ${id})`,
    accept: 'Η Microsoft χρειάζεται να αποδεχτείτε:',
    indirect: (reseller, mpn, organization) => [
      `- ${reseller}${mpn} ως μεταπωλητή σας για τη Microsoft και`,
      `- ${organization} ως τον έμμεσο πάροχο Cloud Solution Provider του.`,
    ],
    direct: (organization) => `- ${organization} ως τον πάροχο Microsoft Cloud Solution Provider σας.`,
    steps: (link) => [
      '1. Συνδεθείτε ως καθολικός διαχειριστής του μισθωτή σας στο Microsoft 365 (μόνο ένας καθολικός διαχειριστής μπορεί να αποδεχτεί).',
      '2. Ανοίξτε αυτόν τον σύνδεσμο και ελέγξτε το αίτημα στο Κέντρο διαχείρισης του Microsoft 365:',
      `   ${link}`,
      '3. Επιλέξτε «Αποδοχή εξουσιοδότησης» (ή «Αποδοχή και εξουσιοδότηση»).',
    ],
    delegated:
      'Το αίτημα περιλαμβάνει επίσης δικαιώματα εκχωρημένης διαχείρισης, ώστε να μπορούμε να διαχειριζόμαστε τις συνδρομές σας για λογαριασμό σας.',
    notDelegated: 'Το αίτημα δεν περιλαμβάνει δικαιώματα διαχείρισης στον μισθωτή σας.',
    unchanged: 'Η αποδοχή δεν αλλάζει τις υπάρχουσες συνδρομές ή τα δεδομένα σας.',
    missing: {
      customerRelationship: (reseller) => `- Αποδοχή: ${reseller} ως μεταπωλητής σας για τη Microsoft.`,
      resellerAssociated: (reseller, mpn, organization) =>
        `- Αποδοχή της σχέσης μεταπωλητή με ${reseller}${mpn}: ο σύνδεσμος αναφέρει τόσο ${reseller} όσο και ${organization}.`,
      delegatedAdmin:
        '- Παραχώρηση δικαιωμάτων διαχείρισης: αποδεχτείτε ξανά τον σύνδεσμο με εκχωρημένη διαχείριση ή εγκρίνετε το αίτημα GDAP που σας στείλαμε (ο τρέχων τρόπος της Microsoft).',
      nothing: '- Ο τελευταίος έλεγχός μας δεν εντόπισε κάτι που να λείπει.',
    },
    gdap: (link) => [
      'Σας στείλαμε επίσης ένα αίτημα για λεπτομερή δικαιώματα εκχωρημένου διαχειριστή (GDAP), ώστε να μπορούμε να διαχειριζόμαστε τις υπηρεσίες σας στο Microsoft 365 για περιορισμένο χρονικό διάστημα και μόνο με τους απαραίτητους ρόλους. Ένας καθολικός διαχειριστής μπορεί να το ελέγξει και να το εγκρίνει εδώ:',
      `   ${link}`,
      'Μπορείτε να τερματίσετε αυτή την πρόσβαση οποιαδήποτε στιγμή από το Κέντρο διαχείρισης του Microsoft 365.',
    ],
  },
};

// A language the user added writes the generated blocks in English.
const phrasesFor = (language: EmailLanguageCode): Phrases => phrases[isEmailLanguage(language) ? language : 'en'];

function instructions(customer: Customer, profile: PartnerProfile, link: string, say: Phrases): string {
  const partners =
    customer.kind === 'indirect'
      ? say.indirect(
          customer.resellerName ?? say.yourReseller,
          customer.resellerMpnId ? say.mpn(customer.resellerMpnId) : '',
          profile.organizationName,
        )
      : [say.direct(profile.organizationName)];
  return [
    say.accept,
    ...partners,
    '',
    ...say.steps(link),
    '',
    customer.includeDelegatedAdmin ? say.delegated : say.notDelegated,
    say.unchanged,
  ].join('\n');
}

// What the last verification found missing, one line per failed check, in the message's language.
function missingParts(customer: Customer, profile: PartnerProfile, say: Phrases): string {
  const reseller = customer.resellerName ?? say.yourReseller;
  const mpn = customer.resellerMpnId ? say.mpn(customer.resellerMpnId) : '';
  const lines: Record<string, () => string> = {
    'customer-relationship': () =>
      say.missing.customerRelationship(customer.kind === 'indirect' ? reseller : profile.organizationName),
    'reseller-associated': () => say.missing.resellerAssociated(reseller, mpn, profile.organizationName),
    'delegated-admin': () => say.missing.delegatedAdmin,
  };
  const failed = (customer.lastVerification?.checks ?? []).filter((check) => check.state === 'failed');
  const found = failed.map((check) => lines[check.id]?.() ?? `- ${check.label}`);
  return found.length > 0 ? found.join('\n') : say.missing.nothing;
}

// The customer's GDAP request still awaiting their approval, if any: its approval link.
export interface PendingGdapRequest {
  link: string;
}

export function placeholderValues(
  customer: Customer,
  profile: PartnerProfile,
  link: string,
  language: EmailLanguageCode,
  gdap: PendingGdapRequest | null = null,
): PlaceholderValues {
  const domain = customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix);
  const say = phrasesFor(language);
  return {
    companyName: customer.companyName,
    contactName: customer.contactName,
    link,
    // A direct customer deals with the partner itself; an indirect one with its reseller.
    resellerName:
      customer.kind === 'indirect' && customer.resellerName ? customer.resellerName : profile.organizationName,
    partnerOrganization: profile.organizationName,
    defaultDomain: domain,
    instructions: instructions(customer, profile, link, say),
    missingParts: missingParts(customer, profile, say),
    // Empty without a pending request: a line holding only this placeholder then disappears from the message.
    gdapLink: gdap?.link ?? '',
    gdapInstructions: gdap ? say.gdap(gdap.link).join('\n') : '',
    // The distributor's account manager sends the message: it is signed in their name, never the reseller's.
    signature: senderSignature(profile),
  };
}
