// The Message-ID of one message from the outbox, the same at every attempt: derived from the message's key
// (for the team: the key claimed in the team database), at the sender's domain as RFC 5322 asks. SMTP has no
// way to ask "did you already accept this?", so a desktop killed after the server accepted a message but
// before recording it sends it again at its next start; the customer's mail client sees the same Message-ID
// and shows one message.
import { createHash } from 'node:crypto';

export function stableMessageId(key: string, sender: { fromAddress: string }): string {
  const at = sender.fromAddress.lastIndexOf('@');
  const domain = at > 0 && at < sender.fromAddress.length - 1 ? sender.fromAddress.slice(at + 1) : 'authdesk.invalid';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${domain}>`;
}
