package dev.sietch.store.internal;

import dev.sietch.store.StoreException;
import dev.sietch.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * An open, migrated SQLite database (WAL). Writes are serialised: one writer at a time, in
 * {@code BEGIN IMMEDIATE} transactions; reads run concurrently on their own connections and see
 * the last committed state, so a running sync never blocks them.
 */
public final class SqliteDatabase {

    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);

    /** Flyway's scripts; a directory that is not a legal package name, so a named module does not hide it. */
    static final String MIGRATIONS = "classpath:db-migration";

    private final Path file;
    private final Flyway flyway;
    private final Jdbi reads;
    private final Jdbi writes;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private SqliteDatabase(Path file, Flyway flyway, Jdbi reads, Jdbi writes) {
        this.file = file;
        this.flyway = flyway;
        this.reads = reads;
        this.writes = writes;
    }

    public static SqliteDatabase open(StoreSettings settings) {
        Path file = settings.databasePath().toAbsolutePath().normalize();
        createParentDirectories(file);
        SQLiteDataSource writeSource = dataSource(file, settings, SQLiteConfig.TransactionMode.IMMEDIATE);
        Flyway flyway = Flyway.configure(SqliteDatabase.class.getClassLoader())
                .dataSource(writeSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load();
        try {
            var info = flyway.info();
            boolean failed = Arrays.stream(info.all()).anyMatch(m -> m.getState().isFailed());
            if (info.pending().length == 0 && !failed) {
                // nothing to apply: no write transaction, so opening beside a busy writer (a backup
                // while the service runs) neither waits for nor blocks it
                log.info("Database {} ready at schema version {}", file,
                        info.current() == null ? "none" : info.current().getVersion());
            } else {
                var result = flyway.migrate();
                log.info("Database {} ready at schema version {} ({} migration(s) applied now)",
                        file, flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate database " + file + ": " + e.getMessage(), e);
        }
        Jdbi reads = Jdbi.create(dataSource(file, settings, SQLiteConfig.TransactionMode.DEFERRED))
                .installPlugin(new SqlObjectPlugin());
        Jdbi writes = Jdbi.create(writeSource).installPlugin(new SqlObjectPlugin());
        return new SqliteDatabase(file, flyway, reads, writes);
    }

    private static void createParentDirectories(Path file) {
        Path parent = file.getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create directory " + parent + " for the database", e);
        }
    }

    private static SQLiteDataSource dataSource(Path file, StoreSettings settings, SQLiteConfig.TransactionMode mode) {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(Math.toIntExact(settings.busyTimeout().toMillis()));
        config.setTransactionMode(mode);
        var dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    /** Runs {@code callback} in a read transaction: one consistent view of the last commit. */
    <T> T read(HandleCallback<T, RuntimeException> callback) {
        try {
            return reads.inTransaction(callback);
        } catch (JdbiException e) {
            throw new StoreException("database " + file + " read failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code callback} in the one write transaction allowed at a time; all of it commits or none. */
    <T> T write(HandleCallback<T, RuntimeException> callback) {
        writeLock.lock();
        try {
            return writes.inTransaction(callback);
        } catch (JdbiException e) {
            throw new StoreException("database " + file + " write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs outside any transaction (e.g. VACUUM INTO, which cannot run inside one). */
    <T> T withHandle(HandleCallback<T, RuntimeException> callback) {
        try {
            return reads.withHandle(callback);
        } catch (JdbiException e) {
            throw new StoreException("database " + file + " failed: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public List<String> appliedMigrations() {
        return Arrays.stream(flyway.info().applied())
                .map(MigrationInfo::getVersion)
                .map(String::valueOf)
                .toList();
    }

    public String engineVersion() {
        return withHandle(handle -> handle.createQuery("SELECT sqlite_version()").mapTo(String.class).one());
    }


    public void close() {
        // Connections are opened per unit of work and closed after it; nothing stays open.
        log.debug("Database {} closed", file);
    }
}
