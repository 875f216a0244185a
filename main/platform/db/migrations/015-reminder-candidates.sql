-- 015: the due-reminder list reads every customer waiting for the customer whose link was handed over. Without
-- an index covering what its schedule needs, that read fetched each of those whole rows (about a tenth of a
-- second at 100,000 customers, on the way to the first screen); with it the read stays in the index.
CREATE INDEX customers_reminder_candidates ON customers (status, first_sent_at, id)
WHERE status IN ('sent', 'needs-attention') AND first_sent_at IS NOT NULL;
