-- The bot: outbox delivery in two recorded steps (direct message, then channel post) with retry
-- backoff, its small persistent values (the census message it edits in place), wallet linking,
-- activity points and onboarding wizards in progress.
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

-- Activity points (spec domain.md §3.7), one row per member; cooldowns are kept here so restarts
-- and several instances agree. Points are not money: REAL is fine.
CREATE TABLE member_activity (
    member_id                 TEXT    PRIMARY KEY REFERENCES member_profile (member_id) ON DELETE CASCADE,
    balance                   REAL    NOT NULL DEFAULT 0 CHECK (balance >= 0),
    peak                      REAL    NOT NULL DEFAULT 0 CHECK (peak >= 0),
    last_decay_at             TEXT    NOT NULL,
    last_active_at            TEXT,
    messages                  INTEGER NOT NULL DEFAULT 0,
    reactions_given           INTEGER NOT NULL DEFAULT 0,
    reactions_received        INTEGER NOT NULL DEFAULT 0,
    last_message_counted_at   TEXT,
    last_reaction_counted_at  TEXT
) STRICT, WITHOUT ROWID;

CREATE INDEX member_activity_balance ON member_activity (balance);

-- Onboarding wizards in progress (nym, picture, bio), so a restart resumes them.
CREATE TABLE onboarding_session (
    discord_user_id TEXT PRIMARY KEY,
    step            TEXT NOT NULL CHECK (step IN ('nym', 'picture', 'bio')),
    nym             TEXT,
    picture_type    TEXT CHECK (picture_type IN ('generated', 'none')),
    started_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT, WITHOUT ROWID;
