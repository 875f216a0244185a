// The timeline line of a change of ours that another desktop's replaced: who, when, which field, and when ours
// was made ("Company name changed by Anna at 10:04 on another desktop; your value from 10:03 was replaced").
import { parseStamp } from '../../platform/sync/hybrid-logical-clock';

const labels: Record<string, string> = {
  company_name: 'Company name',
  contact_name: 'Contact name',
  contact_email: 'Contact email',
  domain_prefix: 'Domain',
  default_domain: 'Default domain',
  reseller_mpn_id: 'Reseller',
  reseller_name: 'Reseller name',
  include_delegated_admin: 'Delegated admin',
  billing_address: 'Billing address',
  status: 'Status',
  owner: 'Owner',
  notes: 'Notes',
  next_follow_up: 'Follow-up',
  order_reference: 'Order reference',
  email_language: 'Email language',
};

// The desktop's local time, as the user reads the clock on the wall.
const hourMinute = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function fieldLabel(field: string): string {
  const label = labels[field] ?? field.replace(/_/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

// When a clock stamp was made, as HH:MM on this desktop.
export const wallClockTime = (stamp: string): string => hourMinute.format(new Date(parseStamp(stamp).ms));

export function conflictSummary(input: {
  field: string;
  theirs: { hlc: string; actor: string };
  ours: { hlc: string };
}) {
  return `${fieldLabel(input.field)} changed by ${input.theirs.actor} at ${wallClockTime(input.theirs.hlc)} on another desktop; your value from ${wallClockTime(input.ours.hlc)} was replaced`;
}
