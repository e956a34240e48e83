-- State of chain synchronisation (one row). Times are ISO-8601 UTC text, e.g. 2026-11-25T06:00:00Z.
CREATE TABLE sync_health (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    last_success_at      TEXT,
    last_attempt_at      TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    in_grace_period      INTEGER NOT NULL DEFAULT 0 CHECK (in_grace_period IN (0, 1))
) STRICT;

INSERT INTO sync_health (id) VALUES (1);
