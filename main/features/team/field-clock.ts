// The clock of one field of one record: the stamp of the change that last set it, that change's id (the
// tie-break between equal stamps) and who made it. The later clock wins, on every desktop alike.
export interface FieldClock {
  hlc: string;
  changeId: string;
  actor: string;
}

export const isLater = (candidate: { hlc: string; changeId: string }, than: FieldClock): boolean =>
  candidate.hlc > than.hlc || (candidate.hlc === than.hlc && candidate.changeId > than.changeId);

const terminalStatus = 'checked-out';

// Whether a value stamped `theirs` replaces the field's current one (stamped `ours`, none when never set): the
// later clock wins, except a customer's status, where checked out is terminal. Applying a change and folding a
// merged customer both decide by this, so every desktop ends with the same record.
export function replacesField(input: {
  customerStatus: boolean;
  theirs: { hlc: string; changeId: string };
  theirValue: unknown;
  ours: FieldClock | undefined;
  ourValue: unknown;
}): boolean {
  if (input.customerStatus && input.ourValue === terminalStatus) return false;
  if (input.customerStatus && input.theirValue === terminalStatus) return true;
  return !input.ours || isLater(input.theirs, input.ours);
}
