package dev.sietch.store.internal;

import dev.sietch.core.model.Ranking;
import java.time.Instant;
import java.util.Optional;

/** Ranking snapshots, their retention and the record of backups taken. */
public final class SqliteMaintenance {

    private final Database db;

    public SqliteMaintenance(Database db) {
        this.db = db;
    }

    public Optional<Ranking> snapshot(long syncId) {
        return db.read(handle -> handle.createQuery("SELECT data FROM ranking_snapshot WHERE sync_id = :id")
                .bind("id", syncId).mapTo(byte[].class).findOne().map(SnapshotCodec::decode));
    }

    public int pruneSnapshots(Instant cutoff) {
        return db.write(handle -> handle.createUpdate("DELETE FROM ranking_snapshot WHERE created_at < :cutoff")
                .bind("cutoff", Timestamps.format(cutoff)).execute());
    }

    public void recordBackup(dev.sietch.store.BackupRecord backup) {
        db.write(handle -> handle.createUpdate("""
                        INSERT INTO backup_run (taken_at, file, size_bytes, pushed) VALUES (:at, :file, :size, :pushed)""")
                .bind("at", Timestamps.format(backup.takenAt())).bind("file", backup.file())
                .bind("size", backup.sizeBytes()).bind("pushed", backup.pushed() ? 1 : 0).execute());
    }

    public Optional<dev.sietch.store.BackupRecord> lastBackup() {
        return db.read(handle -> handle.createQuery("""
                        SELECT taken_at, file, size_bytes, pushed FROM backup_run ORDER BY taken_at DESC, id DESC LIMIT 1""")
                .map((rs, ctx) -> new dev.sietch.store.BackupRecord(Timestamps.parse(rs.getString(1)), rs.getString(2),
                        rs.getLong(3), rs.getInt(4) == 1))
                .findOne());
    }
}
