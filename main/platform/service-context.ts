// What every service is given: the database, the clock, who is acting, and how to tell the window something
// changed. Passed in (never imported globally) so tests run the real services against their own instances.
import type { Database } from 'better-sqlite3';
import type { PushEvent, PushPayloadOf } from '../../shared/ipc/contract';

export type EmitPushEvent = <E extends PushEvent>(event: E, payload: PushPayloadOf<E>) => void;

export interface ServiceContext {
  db: Database;
  now: () => Date;
  // The OS user name: recorded on every event ("who did it") and as a customer's owner.
  actor: string;
  emit: EmitPushEvent;
}
