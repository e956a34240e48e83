package dev.sietch.store.internal;

import dev.sietch.core.model.Ranking;
import dev.sietch.store.BackupRecord;
import java.time.Instant;
import java.util.Optional;

/** Ranking snapshots, their retention and the record of backups taken. */
public final class SqliteMaintenance {

    private final Database db;

    public SqliteMaintenance(Database db) {
        this.db = db;
    }

    public Optional<Ranking> snapshot(long syncId) {
        return db.read(h -> h.attach(MaintenanceDao.class).snapshot(syncId).map(SnapshotCodec::decode));
    }

    public int pruneSnapshots(Instant cutoff) {
        return db.write(h -> h.attach(MaintenanceDao.class).pruneSnapshots(Timestamps.format(cutoff)));
    }

    public void recordBackup(BackupRecord backup) {
        db.write(h -> h.attach(MaintenanceDao.class).recordBackup(Timestamps.format(backup.takenAt()), backup.file(),
                backup.sizeBytes(), backup.pushed() ? 1 : 0));
    }

    public Optional<BackupRecord> lastBackup() {
        return db.read(h -> h.attach(MaintenanceDao.class).lastBackup()
                .map(row -> new BackupRecord(Timestamps.parse(row.takenAt()), row.file(), row.sizeBytes(), row.pushed())));
    }
}
