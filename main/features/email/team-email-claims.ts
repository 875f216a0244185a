// How a reminder or a bulk email goes out once for a team: its key is claimed in the team database before it is
// sent, and a desktop that finds the key claimed by another does not send it and says who did. The team feature
// implements it; app/ wires it in.
export type EmailClaimOutcome =
  { granted: true } | { granted: false; by: string; claimedAt: string; doneAt: string | null };

export interface EmailClaims {
  inTeam(): boolean;
  // Throws while the team database cannot be reached.
  claim(key: string): Promise<EmailClaimOutcome>;
  done(key: string): Promise<void>;
}

// A reminder is once per customer and number; a bulk email once per customer, template and link (a new link
// may be sent again), whoever's click it came from.
export function teamEmailKey(customerId: string, template: string, step: string, link: string): string {
  return template === 'reminder' && /^\d+$/.test(step)
    ? `email:${customerId}:reminder:${step}`
    : `email:${customerId}:${template}:link:${link}`;
}
