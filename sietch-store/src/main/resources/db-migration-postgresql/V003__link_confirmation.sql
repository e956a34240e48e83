-- SQLite's V009: a completed wallet link's confirmation, claimed once by the instance that runs
-- the Discord bot. Links completed before this migration count as confirmed.
ALTER TABLE wallet_verification ADD COLUMN previous_wallet TEXT;
ALTER TABLE wallet_verification ADD COLUMN confirmed_at TIMESTAMPTZ;
UPDATE wallet_verification SET confirmed_at = used_at WHERE used_at IS NOT NULL;
