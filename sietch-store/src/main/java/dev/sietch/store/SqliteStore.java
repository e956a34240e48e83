package dev.sietch.store;

import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.SqliteBackup;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The store on an SQLite file ({@link Store#sqlite}): everything {@link Store} does, and what only a
 * database in one file can do.
 */
public final class SqliteStore extends Store {

    private final Path file;
    private final SqliteBackup backup;

    SqliteStore(Database database, Clock clock) {
        super(database, clock);
        this.file = database.file().orElseThrow(() -> new IllegalArgumentException("not an SQLite database"));
        this.backup = new SqliteBackup(database);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /**
     * Writes a consistent copy of the database to {@code target} (which must not exist) with
     * {@code VACUUM INTO}, while the service keeps reading and writing.
     */
    public void backupTo(Path target) {
        backup.backupTo(target);
    }
}
