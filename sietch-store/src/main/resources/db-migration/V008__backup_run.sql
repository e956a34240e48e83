-- Backups taken by `sietch backup` (online snapshots of this database). The newest one's time is
-- exported as sietch_backup_last_success_timestamp_seconds, so an alert fires when backups stop.
CREATE TABLE backup_run (
    id         INTEGER PRIMARY KEY,
    taken_at   TEXT    NOT NULL,
    file       TEXT    NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
    pushed     INTEGER NOT NULL CHECK (pushed IN (0, 1))
) STRICT;

CREATE INDEX backup_run_taken ON backup_run (taken_at);
