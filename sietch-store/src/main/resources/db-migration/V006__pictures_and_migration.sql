-- Members' own pictures, re-hosted (a square WebP each), a picture chosen mid-onboarding, and the
-- prompts sent to members from before the social layer (spec domain.md §3.14).

CREATE TABLE member_picture (
    member_id  TEXT PRIMARY KEY REFERENCES member_profile (member_id) ON DELETE CASCADE,
    webp       BLOB    NOT NULL,
    size       INTEGER NOT NULL CHECK (size > 0),
    updated_at TEXT    NOT NULL
) STRICT, WITHOUT ROWID;

-- SQLite cannot change a CHECK constraint in place: the table is rebuilt to allow 'custom'.
CREATE TABLE onboarding_session_new (
    discord_user_id TEXT PRIMARY KEY,
    step            TEXT NOT NULL CHECK (step IN ('nym', 'picture', 'bio')),
    nym             TEXT,
    picture_type    TEXT CHECK (picture_type IN ('custom', 'generated', 'none')),
    picture         BLOB,
    picture_size    INTEGER,
    started_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((picture_type = 'custom') = (picture IS NOT NULL AND picture_size IS NOT NULL))
) STRICT, WITHOUT ROWID;

INSERT INTO onboarding_session_new (discord_user_id, step, nym, picture_type, started_at, updated_at)
SELECT discord_user_id, step, nym, picture_type, started_at, updated_at FROM onboarding_session;

DROP TABLE onboarding_session;
ALTER TABLE onboarding_session_new RENAME TO onboarding_session;

-- When a placeholder profile's owner was asked to finish onboarding (asked once).
CREATE TABLE migration_prompt (
    member_id   TEXT PRIMARY KEY REFERENCES member_profile (member_id) ON DELETE CASCADE,
    prompted_at TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('sent', 'fallback', 'unreachable'))
) STRICT, WITHOUT ROWID;
