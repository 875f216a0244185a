-- 016: "Verify all when reachable" can leave tens of thousands of actions waiting. The window lists the oldest
-- few and counts the rest, and a customer's view looks up only that customer's actions: without these indexes
-- each of those reads sorted or scanned every unfinished row, and they run at every outbox change.
CREATE INDEX outbox_unfinished ON outbox (created_at, id)
WHERE status IN ('pending', 'running', 'failed');
CREATE INDEX outbox_unfinished_customer ON outbox (json_extract(payload, '$.customerId'))
WHERE status IN ('pending', 'running', 'failed');
