-- Eligibility: the event ledger, the ranking and its history, audit log, overrides, outbox.
-- Conventions: wallet addresses are canonical lower-case 0x + 40 hex; amounts are wei as 78-digit
-- zero-padded decimal TEXT (exact for any uint256, and text order equals numeric order); times are
-- UTC TEXT in one fixed-width format, e.g. 2026-11-25T06:00:00.000000Z.

ALTER TABLE sync_health ADD COLUMN failing_since TEXT;

-- Every indexed claim or burn, once (a replayed batch inserts nothing twice). Amounts here are
-- plain decimal wei (never compared in SQL); the totals below are the sortable form.
CREATE TABLE chain_event (
    tx_hash      TEXT    NOT NULL,
    log_index    INTEGER NOT NULL CHECK (log_index >= 0),
    block_number INTEGER NOT NULL CHECK (block_number >= 0),
    kind         TEXT    NOT NULL CHECK (kind IN ('claim', 'burn')),
    wallet       TEXT    NOT NULL,
    amount       TEXT    NOT NULL CHECK (amount NOT GLOB '*[^0-9]*' AND length(amount) BETWEEN 1 AND 78),
    PRIMARY KEY (tx_hash, log_index)
) STRICT, WITHOUT ROWID;

CREATE INDEX chain_event_block ON chain_event (block_number);

-- Per-wallet totals over chain_event, maintained in the same transaction as each batch.
CREATE TABLE wallet_total (
    wallet            TEXT PRIMARY KEY,
    claimed           TEXT NOT NULL CHECK (length(claimed) = 78),
    burned            TEXT NOT NULL CHECK (length(burned) = 78),
    first_claim_block INTEGER,
    first_claim_log   INTEGER,
    first_claim_tx    TEXT
) STRICT, WITHOUT ROWID;

-- Per event source (a reward vault, the BGT token, a file): the last block whose events are all
-- in chain_event. The ledger as a whole is complete up to the lowest of them.
CREATE TABLE ledger_cursor (
    source       TEXT    PRIMARY KEY,
    block_number INTEGER NOT NULL CHECK (block_number >= 0),
    updated_at   TEXT    NOT NULL
) STRICT, WITHOUT ROWID;

-- Hashes of recent blocks, for the indexer to detect reorganisations.
CREATE TABLE chain_block (
    block_number INTEGER PRIMARY KEY,
    block_hash   TEXT NOT NULL
) STRICT;

-- One row per committed sync.
CREATE TABLE eligibility_sync (
    id           INTEGER PRIMARY KEY,
    synced_at    TEXT    NOT NULL,
    ledger_block INTEGER,
    ranked       INTEGER NOT NULL,
    members      INTEGER NOT NULL,
    bootstrap    INTEGER NOT NULL CHECK (bootstrap IN (0, 1))
) STRICT;

-- The ranking of the latest sync: every ranked wallet, not only the members. A sync rewrites only
-- the rows that changed; sync_id is the sync that last wrote the row.
CREATE TABLE current_ranking (
    wallet  TEXT    PRIMARY KEY,
    rank    INTEGER NOT NULL UNIQUE CHECK (rank >= 1),
    held    TEXT    NOT NULL CHECK (length(held) = 78),
    role    TEXT    NOT NULL CHECK (role IN ('naib', 'fedaykin', 'none')),
    member  INTEGER NOT NULL CHECK (member IN (0, 1)),
    sync_id INTEGER NOT NULL REFERENCES eligibility_sync (id)
) STRICT, WITHOUT ROWID;

-- The ranking of each sync in a compact binary form (see RankingSnapshotCodec), kept for history.
CREATE TABLE ranking_snapshot (
    sync_id    INTEGER PRIMARY KEY REFERENCES eligibility_sync (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    wallets    INTEGER NOT NULL,
    data       BLOB    NOT NULL
) STRICT;

CREATE INDEX ranking_snapshot_created ON ranking_snapshot (created_at);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    event_type TEXT NOT NULL,
    event_data TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_created ON audit_log (created_at);
CREATE INDEX audit_log_type_created ON audit_log (event_type, created_at);

CREATE TABLE admin_override (
    id         INTEGER PRIMARY KEY,
    wallet     TEXT    NOT NULL,
    action     TEXT    NOT NULL CHECK (action IN ('add', 'remove')),
    reason     TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    expires_at TEXT,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE INDEX admin_override_active ON admin_override (active, wallet);

-- Announcements written by a sync's transaction, delivered after commit.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    sync_id       INTEGER NOT NULL REFERENCES eligibility_sync (id),
    kind          TEXT    NOT NULL CHECK (kind IN ('member_added', 'member_removed', 'naib_promotion', 'naib_demotion')),
    wallet        TEXT    NOT NULL,
    rank          INTEGER,
    previous_rank INTEGER,
    role          TEXT,
    previous_role TEXT,
    reason        TEXT,
    held          TEXT,
    created_at    TEXT    NOT NULL,
    delivered_at  TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    UNIQUE (sync_id, kind, wallet)
) STRICT;

CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;
