// The clock of one field of one record: the stamp of the change that last set it, that change's id (the
// tie-break between equal stamps) and who made it. The later clock wins, on every desktop alike.
export interface FieldClock {
  hlc: string;
  changeId: string;
  actor: string;
}

export const isLater = (candidate: { hlc: string; changeId: string }, than: FieldClock): boolean =>
  candidate.hlc > than.hlc || (candidate.hlc === than.hlc && candidate.changeId > than.changeId);
