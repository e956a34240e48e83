-- Reorganisation support: each wallet total counts the events it sums, so a rewind can subtract
-- the forgotten events and drop a total whose last event went, without scanning chain_event.
ALTER TABLE wallet_total ADD COLUMN events INTEGER NOT NULL DEFAULT 0 CHECK (events >= 0);

UPDATE wallet_total SET events = counted.n
FROM (SELECT wallet, count(*) AS n FROM chain_event GROUP BY wallet) AS counted
WHERE counted.wallet = wallet_total.wallet;
