-- 011: a lease on every outbox item being run. The process running it (lease_owner: host, pid and a random id)
-- holds it until lease_expires_at and renews it while the call lasts. At start, only items whose lease ran out,
-- or whose owner on this computer is no longer running, are taken back: a command-line run beside the app never
-- requeues the app's actions in flight.
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN lease_expires_at TEXT;
