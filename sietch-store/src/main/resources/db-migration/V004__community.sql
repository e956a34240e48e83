-- The community: wallet links, member profiles, badges, Naib seats, the waitlist, threshold
-- history, notification preferences and alert history. The predecessor never created the last
-- five (its migration 005 was never run), so its v2.1 routes answered 500 on a fresh database.
-- Conventions as in V002: times are fixed-width UTC text, amounts 78-digit zero-padded wei.

-- A Discord account's proven wallet (one wallet per account, one account per wallet).
CREATE TABLE wallet_link (
    discord_user_id TEXT PRIMARY KEY,
    wallet          TEXT NOT NULL UNIQUE,
    linked_at       TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Profiles outlive wallet links: re-linking or moving to another wallet keeps profile and history.
CREATE TABLE member_profile (
    member_id           TEXT    PRIMARY KEY,
    discord_user_id     TEXT    NOT NULL UNIQUE,
    nym                 TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    bio                 TEXT,
    pfp_url             TEXT,
    pfp_type            TEXT    NOT NULL DEFAULT 'none' CHECK (pfp_type IN ('custom', 'generated', 'none')),
    tier                TEXT    NOT NULL CHECK (tier IN ('naib', 'fedaykin')),
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    nym_last_changed    TEXT,
    onboarding_complete INTEGER NOT NULL DEFAULT 0 CHECK (onboarding_complete IN (0, 1)),
    onboarding_step     INTEGER NOT NULL DEFAULT 0,
    is_former_naib      INTEGER NOT NULL DEFAULT 0 CHECK (is_former_naib IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE INDEX member_profile_directory ON member_profile (onboarding_complete, tier, created_at);

-- Badge ids are those of the catalogue in code (dev.sietch.core.model.Badge), the one source of truth.
CREATE TABLE member_badge (
    member_id    TEXT    NOT NULL REFERENCES member_profile (member_id) ON DELETE CASCADE,
    badge_id     TEXT    NOT NULL,
    awarded_at   TEXT    NOT NULL,
    awarded_by   TEXT,
    award_reason TEXT,
    revoked      INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
    revoked_at   TEXT,
    revoked_by   TEXT,
    PRIMARY KEY (member_id, badge_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX member_badge_held ON member_badge (badge_id, member_id) WHERE revoked = 0;

CREATE TABLE naib_seat (
    id                  INTEGER PRIMARY KEY,
    seat_number         INTEGER NOT NULL CHECK (seat_number >= 1),
    member_id           TEXT    NOT NULL REFERENCES member_profile (member_id) ON DELETE CASCADE,
    seated_at           TEXT    NOT NULL,
    unseated_at         TEXT,
    unseat_reason       TEXT    CHECK (unseat_reason IN ('bumped', 'left_server', 'ineligible', 'manual')),
    bumped_by_member_id TEXT    REFERENCES member_profile (member_id) ON DELETE SET NULL,
    bgt_at_seating      TEXT    NOT NULL CHECK (length(bgt_at_seating) = 78),
    bgt_at_unseating    TEXT    CHECK (bgt_at_unseating IS NULL OR length(bgt_at_unseating) = 78)
) STRICT;

CREATE UNIQUE INDEX naib_seat_member_active ON naib_seat (member_id) WHERE unseated_at IS NULL;
CREATE UNIQUE INDEX naib_seat_number_active ON naib_seat (seat_number) WHERE unseated_at IS NULL;
CREATE INDEX naib_seat_member ON naib_seat (member_id, seated_at);

-- Only active registrations are unique, so a wallet or an account can register again after leaving.
CREATE TABLE waitlist_registration (
    id                       INTEGER PRIMARY KEY,
    discord_user_id          TEXT    NOT NULL,
    wallet                   TEXT    NOT NULL,
    position_at_registration INTEGER NOT NULL,
    bgt_at_registration      TEXT    NOT NULL CHECK (length(bgt_at_registration) = 78),
    registered_at            TEXT    NOT NULL,
    notified_at              TEXT,
    active                   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE UNIQUE INDEX waitlist_active_account ON waitlist_registration (discord_user_id) WHERE active = 1;
CREATE UNIQUE INDEX waitlist_active_wallet ON waitlist_registration (wallet) WHERE active = 1;

-- One row per sync, written in the sync's transaction.
CREATE TABLE threshold_snapshot (
    sync_id         INTEGER PRIMARY KEY REFERENCES eligibility_sync (id),
    created_at      TEXT    NOT NULL,
    entry_threshold TEXT    CHECK (entry_threshold IS NULL OR length(entry_threshold) = 78),
    eligible_count  INTEGER NOT NULL,
    waitlist_count  INTEGER NOT NULL,
    waitlist_top    TEXT,
    waitlist_bottom TEXT,
    gap_to_entry    TEXT
) STRICT;

CREATE INDEX threshold_snapshot_created ON threshold_snapshot (created_at);

CREATE TABLE notification_preference (
    member_id             TEXT    PRIMARY KEY REFERENCES member_profile (member_id) ON DELETE CASCADE,
    position_updates      INTEGER NOT NULL DEFAULT 1 CHECK (position_updates IN (0, 1)),
    at_risk_warnings      INTEGER NOT NULL DEFAULT 1 CHECK (at_risk_warnings IN (0, 1)),
    naib_alerts           INTEGER NOT NULL DEFAULT 1 CHECK (naib_alerts IN (0, 1)),
    frequency             TEXT    NOT NULL DEFAULT '3_per_week'
                                  CHECK (frequency IN ('1_per_week', '2_per_week', '3_per_week', 'daily')),
    alerts_sent_this_week INTEGER NOT NULL DEFAULT 0 CHECK (alerts_sent_this_week >= 0),
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL
) STRICT, WITHOUT ROWID;

-- recipient_id is a member id, or a Discord id for a waitlist registrant.
CREATE TABLE alert_history (
    id             INTEGER PRIMARY KEY,
    recipient_id   TEXT    NOT NULL,
    recipient_type TEXT    NOT NULL CHECK (recipient_type IN ('member', 'waitlist')),
    alert_type     TEXT    NOT NULL CHECK (alert_type IN ('position_update', 'at_risk_warning', 'naib_threat',
                                                          'naib_bump', 'naib_seated', 'waitlist_eligible')),
    alert_data     TEXT    NOT NULL,
    delivered      INTEGER NOT NULL DEFAULT 0 CHECK (delivered IN (0, 1)),
    delivery_error TEXT,
    sent_at        TEXT    NOT NULL
) STRICT;

CREATE INDEX alert_history_recipient ON alert_history (recipient_id, id);
CREATE INDEX alert_history_sent ON alert_history (sent_at);
