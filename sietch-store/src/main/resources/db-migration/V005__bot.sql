-- The bot: outbox delivery in two recorded steps (direct message, then channel post) with retry
-- backoff, its small persistent values (the census message it edits in place), and wallet linking.
ALTER TABLE outbox ADD COLUMN direct_message TEXT
    CHECK (direct_message IN ('sent', 'fallback', 'closed', 'opted_out', 'no_recipient', 'not_needed'));
ALTER TABLE outbox ADD COLUMN direct_message_at TEXT;
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;

CREATE TABLE bot_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- One-time wallet-linking challenges (/verify): a nonce for one Discord account, until it expires
-- or is used; the wallet that used it is kept for the record.
CREATE TABLE wallet_verification (
    nonce           TEXT PRIMARY KEY,
    discord_user_id TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    used_at         TEXT,
    wallet          TEXT
) STRICT, WITHOUT ROWID;

CREATE INDEX wallet_verification_expires ON wallet_verification (expires_at);
