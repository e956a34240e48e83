package dev.sietch.store;

import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.store.internal.SqliteDatabase;
import java.util.List;

/**
 * The SQLite store: opening it creates the file (and its directories) if needed and applies every
 * pending migration before anything else touches the database.
 */
public final class SqliteStore implements AutoCloseable {

    private final SqliteDatabase database;

    private SqliteStore(SqliteDatabase database) {
        this.database = database;
    }

    /**
     * Opens (creating if absent) and migrates the database.
     *
     * @throws StoreException if the file cannot be created, opened or migrated
     */
    public static SqliteStore open(StoreSettings settings) {
        return new SqliteStore(SqliteDatabase.open(settings));
    }

    /** The state of chain synchronisation, as recorded by the sync job. */
    public SyncHealthSource syncHealth() {
        return database.syncHealth();
    }

    /** Versions of the migrations applied to this database, oldest first. */
    public List<String> appliedMigrations() {
        return database.appliedMigrations();
    }

    /** The SQLite library version, e.g. {@code 3.51.1}. */
    public String engineVersion() {
        return database.engineVersion();
    }

    @Override
    public void close() {
        database.close();
    }
}
