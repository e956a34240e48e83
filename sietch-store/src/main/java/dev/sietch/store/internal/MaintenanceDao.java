package dev.sietch.store.internal;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** ranking_snapshot's retention, backup_run and SQLite's online backup. */
@RegisterConstructorMapper(MaintenanceDao.BackupRow.class)
interface MaintenanceDao {

    record BackupRow(String takenAt, String file, long sizeBytes, boolean pushed) {}

    @SqlQuery("SELECT data FROM ranking_snapshot WHERE sync_id = :id")
    Optional<byte[]> snapshot(@Bind("id") long syncId);

    @SqlUpdate("DELETE FROM ranking_snapshot WHERE created_at < :cutoff")
    int pruneSnapshots(@Bind("cutoff") String cutoff);

    @SqlUpdate("INSERT INTO backup_run (taken_at, file, size_bytes, pushed) VALUES (:at, :file, :size, :pushed)")
    int recordBackup(@Bind("at") String takenAt, @Bind("file") String file, @Bind("size") long sizeBytes,
            @Bind("pushed") int pushed);

    @SqlQuery("SELECT taken_at, file, size_bytes, pushed FROM backup_run ORDER BY taken_at DESC, id DESC LIMIT 1")
    Optional<BackupRow> lastBackup();

    /** SQLite only, and outside a transaction: a consistent copy of the database in a new file. */
    @SqlUpdate("VACUUM INTO :target")
    int vacuumInto(@Bind("target") String target);
}
