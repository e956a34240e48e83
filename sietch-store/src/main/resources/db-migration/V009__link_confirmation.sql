-- A completed wallet link is confirmed to the member (a DM, then the onboarding wizard) by the
-- instance that runs the Discord bot, which need not be the one whose HTTP API completed it:
-- the link's confirmation is claimed here, once. Links completed before this migration count as
-- confirmed (their DMs went out, or will never).
ALTER TABLE wallet_verification ADD COLUMN previous_wallet TEXT;
ALTER TABLE wallet_verification ADD COLUMN confirmed_at TEXT;
UPDATE wallet_verification SET confirmed_at = used_at WHERE used_at IS NOT NULL;
