// One change as the team exchanges it: which record, which fields and values, its clock stamp, the desktop and
// the person it came from. seq is PostgreSQL's order of arrival (the download cursor).
import { z } from 'zod';

export const teamChangeSchema = z.object({
  id: z.string(),
  entity: z.string(),
  rowId: z.string(),
  fields: z.record(z.string(), z.unknown()),
  bases: z.record(z.string(), z.string()),
  hlc: z.string(),
  deviceId: z.string(),
  actor: z.string(),
});
export type TeamChange = z.infer<typeof teamChangeSchema>;
export type DownloadedChange = TeamChange & { seq: number };
