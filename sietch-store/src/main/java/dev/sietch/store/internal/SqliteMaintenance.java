package dev.sietch.store.internal;

import dev.sietch.core.model.Ranking;
import dev.sietch.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Snapshots, retention and online backup. */
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

    public void backupTo(Path target) {
        if (db.vendor() != Database.Vendor.SQLITE) {
            throw new UnsupportedOperationException("PostgreSQL is backed up with pg_dump, not by the store");
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new StoreException("backup target " + absolute + " already exists", null);
        }
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create directory for backup " + absolute, e);
        }
        db.withHandle(handle -> handle.createUpdate("VACUUM INTO :target").bind("target", absolute.toString()).execute());
    }
}
