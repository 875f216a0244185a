// How background and bulk verification share their work with the other desktops of a team: a lease per
// customer taken in the team database before it is checked, so each customer is checked by one desktop at a
// time and once per interval for the team. The team feature implements it; app/ wires it in.
export interface CheckLeaseRefusal {
  resource: string;
  // held: another desktop is checking it now; done: the team checked it within its interval.
  reason: 'held' | 'done';
  by: string | null;
  at: string | null;
}

export interface CheckLeases {
  inTeam(): boolean;
  // Throws while the team database cannot be reached.
  take(
    requests: { resource: string; freshForMs: number }[],
    options: { leaseMs: number; limit: number },
  ): Promise<{ taken: string[]; refused: CheckLeaseRefusal[] }>;
  // done: the check happened (the team's interval starts again); otherwise the lease is only given back.
  release(resource: string, done: boolean): Promise<void>;
}

export const checkResource = (customerId: string): string => `verify:${customerId}`;
export const customerOfResource = (resource: string): string => resource.slice('verify:'.length);
