-- sietch-service's schema (the TypeScript service), as its initDatabase() applied it
-- (migrations 001 and 002) plus the Naib/threshold/notification tables of its migration 005,
-- as its data model describes them. Timestamps are TEXT; amounts are wei
-- strings.
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;

CREATE TABLE eligibility_snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    data TEXT NOT NULL
);
CREATE INDEX idx_eligibility_snapshots_created ON eligibility_snapshots(created_at);

CREATE TABLE current_eligibility (
    address TEXT PRIMARY KEY COLLATE NOCASE,
    rank INTEGER NOT NULL,
    bgt_held TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('naib', 'fedaykin', 'none')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX idx_current_eligibility_rank ON current_eligibility(rank);
CREATE INDEX idx_current_eligibility_role ON current_eligibility(role);

CREATE TABLE admin_overrides (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    address TEXT NOT NULL COLLATE NOCASE,
    action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
    reason TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    expires_at TEXT,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX idx_admin_overrides_address ON admin_overrides(address);
CREATE INDEX idx_admin_overrides_active ON admin_overrides(active);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_type TEXT NOT NULL,
    event_data TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX idx_audit_log_type ON audit_log(event_type);
CREATE INDEX idx_audit_log_created ON audit_log(created_at);

CREATE TABLE health_status (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_successful_query TEXT,
    last_query_attempt TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    in_grace_period INTEGER NOT NULL DEFAULT 0,
    last_synced_block TEXT,
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
INSERT OR IGNORE INTO health_status (id, consecutive_failures, in_grace_period) VALUES (1, 0, 0);

CREATE TABLE wallet_mappings (
    discord_user_id TEXT PRIMARY KEY,
    wallet_address TEXT NOT NULL COLLATE NOCASE,
    verified_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX idx_wallet_mappings_address ON wallet_mappings(wallet_address);

CREATE TABLE cached_claim_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tx_hash TEXT NOT NULL,
    log_index INTEGER NOT NULL,
    block_number TEXT NOT NULL,
    address TEXT NOT NULL COLLATE NOCASE,
    amount TEXT NOT NULL,
    vault_address TEXT NOT NULL COLLATE NOCASE,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    UNIQUE(tx_hash, log_index)
);

CREATE TABLE cached_burn_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tx_hash TEXT NOT NULL,
    log_index INTEGER NOT NULL,
    block_number TEXT NOT NULL,
    from_address TEXT NOT NULL COLLATE NOCASE,
    amount TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    UNIQUE(tx_hash, log_index)
);

CREATE TABLE member_profiles (
    member_id TEXT PRIMARY KEY,
    discord_user_id TEXT NOT NULL UNIQUE REFERENCES wallet_mappings(discord_user_id) ON DELETE CASCADE,
    nym TEXT NOT NULL UNIQUE COLLATE NOCASE,
    bio TEXT,
    pfp_url TEXT,
    pfp_type TEXT CHECK (pfp_type IN ('custom', 'generated', 'none')) DEFAULT 'none',
    tier TEXT NOT NULL CHECK (tier IN ('naib', 'fedaykin')),
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now')),
    nym_last_changed TEXT,
    onboarding_complete INTEGER NOT NULL DEFAULT 0,
    onboarding_step INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE badges (
    badge_id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('tenure', 'engagement', 'contribution', 'special')),
    emoji TEXT,
    auto_criteria_type TEXT CHECK (auto_criteria_type IN ('tenure_days', 'activity_balance', 'badge_count') OR auto_criteria_type IS NULL),
    auto_criteria_value REAL,
    display_order INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
INSERT OR IGNORE INTO badges (badge_id, name, description, category, emoji, auto_criteria_type, auto_criteria_value, display_order) VALUES
    ('og', 'OG', 'Member since launch (first 30 days)', 'tenure', '🏛️', 'tenure_days', -1, 1),
    ('veteran', 'Veteran', 'Member for 90+ days', 'tenure', '⚔️', 'tenure_days', 90, 2),
    ('elder', 'Elder', 'Member for 180+ days', 'tenure', '👑', 'tenure_days', 180, 3),
    ('consistent', 'Consistent', 'Maintained activity balance of 50+', 'engagement', '🔥', 'activity_balance', 50, 1),
    ('dedicated', 'Dedicated', 'Maintained activity balance of 150+', 'engagement', '💎', 'activity_balance', 150, 2),
    ('devoted', 'Devoted', 'Maintained activity balance of 300+', 'engagement', '🌟', 'activity_balance', 300, 3),
    ('helper', 'Helper', 'Helped community members', 'contribution', '🤝', NULL, NULL, 1),
    ('contributor', 'Contributor', 'Made significant contributions', 'contribution', '🛠️', NULL, NULL, 2),
    ('founding_fedaykin', 'Founding Fedaykin', 'Original Fedaykin at launch', 'special', '🗡️', NULL, NULL, 1),
    ('founding_naib', 'Founding Naib', 'Original Naib at launch', 'special', '⚡', NULL, NULL, 2);

CREATE TABLE member_badges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id TEXT NOT NULL REFERENCES member_profiles(member_id) ON DELETE CASCADE,
    badge_id TEXT NOT NULL REFERENCES badges(badge_id),
    awarded_at TEXT NOT NULL DEFAULT (datetime('now')),
    awarded_by TEXT,
    award_reason TEXT,
    revoked INTEGER NOT NULL DEFAULT 0,
    revoked_at TEXT,
    revoked_by TEXT,
    UNIQUE(member_id, badge_id)
);

CREATE TABLE member_activity (
    member_id TEXT PRIMARY KEY REFERENCES member_profiles(member_id) ON DELETE CASCADE,
    activity_balance REAL NOT NULL DEFAULT 0.0,
    last_decay_at TEXT NOT NULL DEFAULT (datetime('now')),
    total_messages INTEGER NOT NULL DEFAULT 0,
    total_reactions_given INTEGER NOT NULL DEFAULT 0,
    total_reactions_received INTEGER NOT NULL DEFAULT 0,
    last_active_at TEXT,
    peak_balance REAL NOT NULL DEFAULT 0.0,
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE member_perks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id TEXT NOT NULL REFERENCES member_profiles(member_id) ON DELETE CASCADE,
    perk_type TEXT NOT NULL CHECK (perk_type IN ('channel_access', 'role', 'custom')),
    perk_id TEXT NOT NULL,
    granted_by TEXT CHECK (granted_by IN ('automatic', 'admin', 'badge')),
    granted_reason TEXT,
    granted_at TEXT NOT NULL DEFAULT (datetime('now')),
    expires_at TEXT,
    UNIQUE(member_id, perk_type, perk_id)
);

-- Migration 005 (Naib seats, threshold, notifications).
ALTER TABLE member_profiles ADD COLUMN is_former_naib INTEGER NOT NULL DEFAULT 0;

CREATE TABLE naib_seats (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    seat_number INTEGER NOT NULL CHECK (seat_number BETWEEN 1 AND 7),
    member_id TEXT NOT NULL REFERENCES member_profiles(member_id) ON DELETE CASCADE,
    seated_at TEXT NOT NULL DEFAULT (datetime('now')),
    unseated_at TEXT,
    unseat_reason TEXT CHECK (unseat_reason IN ('bumped', 'left_server', 'ineligible', 'manual')),
    bumped_by_member_id TEXT REFERENCES member_profiles(member_id) ON DELETE SET NULL,
    bgt_at_seating TEXT NOT NULL,
    bgt_at_unseating TEXT
);
CREATE UNIQUE INDEX idx_naib_seats_active_member ON naib_seats(member_id) WHERE unseated_at IS NULL;
CREATE UNIQUE INDEX idx_naib_seats_active_seat ON naib_seats(seat_number) WHERE unseated_at IS NULL;

CREATE TABLE waitlist_registrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    discord_user_id TEXT NOT NULL UNIQUE,
    wallet_address TEXT NOT NULL UNIQUE,
    position_at_registration INTEGER NOT NULL CHECK (position_at_registration BETWEEN 70 AND 100),
    bgt_at_registration TEXT NOT NULL,
    registered_at TEXT NOT NULL DEFAULT (datetime('now')),
    notified INTEGER NOT NULL DEFAULT 0,
    notified_at TEXT,
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE threshold_snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_threshold_bgt TEXT NOT NULL,
    eligible_count INTEGER NOT NULL,
    waitlist_count INTEGER NOT NULL,
    waitlist_top_bgt TEXT,
    waitlist_bottom_bgt TEXT,
    gap_to_entry TEXT,
    snapshot_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE notification_preferences (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id TEXT NOT NULL UNIQUE REFERENCES member_profiles(member_id) ON DELETE CASCADE,
    position_updates INTEGER NOT NULL DEFAULT 1,
    at_risk_warnings INTEGER NOT NULL DEFAULT 1,
    naib_alerts INTEGER NOT NULL DEFAULT 1,
    frequency TEXT NOT NULL DEFAULT '3_per_week' CHECK (frequency IN ('1_per_week', '2_per_week', '3_per_week', 'daily')),
    alerts_sent_this_week INTEGER NOT NULL DEFAULT 0,
    week_start_timestamp TEXT NOT NULL DEFAULT (datetime('now', 'weekday 0', '-7 days')),
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE alert_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient_id TEXT NOT NULL,
    recipient_type TEXT NOT NULL CHECK (recipient_type IN ('member', 'waitlist')),
    alert_type TEXT NOT NULL CHECK (alert_type IN ('position_update', 'at_risk_warning', 'naib_threat', 'naib_bump', 'naib_seated', 'waitlist_eligible')),
    alert_data TEXT NOT NULL,
    delivered INTEGER NOT NULL DEFAULT 0,
    delivery_error TEXT,
    sent_at TEXT NOT NULL DEFAULT (datetime('now'))
);
