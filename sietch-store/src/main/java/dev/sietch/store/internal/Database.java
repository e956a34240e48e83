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
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * An open, migrated database: an SQLite file (WAL) or a PostgreSQL database shared by several
 * instances. Writes are serialised: one writer at a time, across every process — SQLite by
 * {@code BEGIN IMMEDIATE}, PostgreSQL by a row lock every write transaction takes first; reads run
 * concurrently and see one committed state, so a running sync never blocks them.
 */
public final class Database {

    /** Which engine; the statements are the same, a few operations are not. */
    public enum Vendor { SQLITE, POSTGRESQL }

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Flyway's scripts; a directory that is not a legal package name, so a named module does not hide it. */
    static final String MIGRATIONS = "classpath:db-migration";

    /** PostgreSQL: the row every write transaction locks first, so writers take turns across instances. */
    private static final String WRITER_TURN = "UPDATE sync_health SET id = id WHERE id = 1";

    private final Vendor vendor;
    private final @org.jspecify.annotations.Nullable Path file;
    private final Flyway flyway;
    private final Jdbi reads;
    private final Jdbi writes;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** The leader's term the current thread writes for, if any (see {@link #fenced}). */
    private final ThreadLocal<Term> term = new ThreadLocal<>();

    /** Whether a term still holds the lease, checked inside a write transaction. */
    @FunctionalInterface
    public interface Fence {
        boolean holds(java.sql.Connection connection, long epoch) throws java.sql.SQLException;
    }

    private record Term(Fence fence, long epoch) {}

    private Database(Vendor vendor, @org.jspecify.annotations.Nullable Path file, Flyway flyway, Jdbi reads, Jdbi writes) {
        this.vendor = vendor;
        this.file = file;
        this.flyway = flyway;
        this.reads = reads;
        this.writes = writes;
    }

    /** A PostgreSQL database already migrated (by {@code PostgresDatabase}), on its connection pool. */
    public static Database postgres(javax.sql.DataSource pool, Flyway flyway) {
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        return new Database(Vendor.POSTGRESQL, null, flyway, jdbi, jdbi);
    }

    public Vendor vendor() {
        return vendor;
    }

    public static Database open(StoreSettings settings) {
        Path file = settings.databasePath().toAbsolutePath().normalize();
        createParentDirectories(file);
        SQLiteDataSource writeSource = dataSource(file, settings, SQLiteConfig.TransactionMode.IMMEDIATE);
        Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource(writeSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load();
        try {
            var info = flyway.info();
            boolean failed = Arrays.stream(info.all()).anyMatch(m -> m.getState().isFailed());
            if (info.pending().length == 0 && !failed) {
                // nothing to apply; still refuse a history that does not match the bundled migrations
                var validation = flyway.validateWithResult();
                if (!validation.validationSuccessful) {
                    throw new StoreException("database " + file + " does not match this version's migrations: "
                            + validation.getAllErrorMessages(), null);
                }
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
        return new Database(Vendor.SQLITE, file, flyway, reads, writes);
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
    public <T> T read(HandleCallback<T, RuntimeException> callback) {
        try {
            if (vendor == Vendor.POSTGRESQL) {
                // one snapshot for every statement of the read, as SQLite's read transaction gives
                return reads.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
                    handle.execute("SET TRANSACTION READ ONLY");
                    return callback.withHandle(handle);
                });
            }
            return reads.inTransaction(callback);
        } catch (JdbiException e) {
            throw new StoreException("database " + name() + " read failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code callback} in the one write transaction allowed at a time; all of it commits or none. */
    public <T> T write(HandleCallback<T, RuntimeException> callback) {
        writeLock.lock();
        try {
            if (vendor == Vendor.POSTGRESQL) {
                return writes.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
                    handle.execute(WRITER_TURN);
                    checkTerm(handle);
                    return callback.withHandle(handle);
                });
            }
            return writes.inTransaction(callback);
        } catch (JdbiException e) {
            throw new StoreException("database " + name() + " write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} on this thread with every write transaction it makes first checking, inside
     * the transaction, that {@code epoch} still holds the lease ({@code fence}); a write of a term
     * that lost it is rolled back with {@link dev.sietch.store.FencedOutException}. The check locks
     * the lease row until the transaction ends, so a takeover waits for a fenced write in progress.
     */
    public <T> T fenced(Fence fence, long epoch, java.util.function.Supplier<T> work) {
        Term outer = term.get();
        term.set(new Term(fence, epoch));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                term.remove();
            } else {
                term.set(outer);
            }
        }
    }

    private void checkTerm(org.jdbi.v3.core.Handle handle) {
        Term current = term.get();
        if (current == null) {
            return;
        }
        boolean holds;
        try {
            holds = current.fence().holds(handle.getConnection(), current.epoch());
        } catch (java.sql.SQLException e) {
            throw new StoreException("database " + name() + ": cannot check the leader's term: " + e.getMessage(), e);
        }
        if (!holds) {
            throw new dev.sietch.store.FencedOutException("term " + current.epoch()
                    + " no longer holds the lease: the write was rolled back");
        }
    }

    /** Runs outside any transaction (e.g. VACUUM INTO, which cannot run inside one). */
    <T> T withHandle(HandleCallback<T, RuntimeException> callback) {
        try {
            return reads.withHandle(callback);
        } catch (JdbiException e) {
            throw new StoreException("database " + name() + " failed: " + e.getMessage(), e);
        }
    }

    private String name() {
        return file != null ? file.toString() : "PostgreSQL";
    }

    /** The SQLite file; a PostgreSQL database has none. */
    public java.util.Optional<Path> file() {
        return java.util.Optional.ofNullable(file);
    }

    public List<String> appliedMigrations() {
        return Arrays.stream(flyway.info().applied())
                .map(MigrationInfo::getVersion)
                .map(String::valueOf)
                .toList();
    }

    public String engineVersion() {
        if (vendor == Vendor.POSTGRESQL) {
            return withHandle(handle -> handle.createQuery("SHOW server_version").mapTo(String.class).one());
        }
        return withHandle(handle -> handle.createQuery("SELECT sqlite_version()").mapTo(String.class).one());
    }


    public void close() {
        // Connections are opened per unit of work and closed after it; nothing stays open.
        log.debug("Database {} closed", file);
    }
}
