// The status model of product.md: where a customer stands and what the user does next.
export const customerStatuses = [
  'draft',
  'link-ready',
  'sent',
  'authorized',
  'needs-attention',
  'checked-out',
  'archived',
] as const;
export type CustomerStatus = (typeof customerStatuses)[number];

export const customerStatusLabels: Record<CustomerStatus, string> = {
  draft: 'Draft',
  'link-ready': 'Link ready',
  sent: 'Sent',
  authorized: 'Authorized',
  'needs-attention': 'Needs attention',
  'checked-out': 'Checked out',
  archived: 'Archived',
};

export const nextStepByStatus: Record<CustomerStatus, string> = {
  draft: 'Get the authorization link',
  'link-ready': 'Send the link to the customer',
  sent: 'Verify once the customer has accepted',
  authorized: 'Check out the order',
  'needs-attention': 'Ask the customer to finish accepting, then verify again',
  'checked-out': 'Done',
  archived: 'None',
};

// Checkout is a gated button: open only once the authorization is verified.
export const canCheckOut = (status: CustomerStatus): boolean => status === 'authorized';

// After checkout (or archiving) the record is history: nothing about it changes any more.
export const isReadOnly = (status: CustomerStatus): boolean => status === 'checked-out' || status === 'archived';
