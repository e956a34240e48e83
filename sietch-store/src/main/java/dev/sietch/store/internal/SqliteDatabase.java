package dev.sietch.store.internal;

import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.store.StoreException;
import dev.sietch.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** An open, migrated SQLite database and the Jdbi handle over it. */
public final class SqliteDatabase {

    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);

    /** Flyway's scripts; a directory that is not a legal package name, so a named module does not hide it. */
    static final String MIGRATIONS = "classpath:db-migration";

    private final Path file;
    private final Flyway flyway;
    private final Jdbi jdbi;

    private SqliteDatabase(Path file, Flyway flyway, Jdbi jdbi) {
        this.file = file;
        this.flyway = flyway;
        this.jdbi = jdbi;
    }

    public static SqliteDatabase open(StoreSettings settings) {
        Path file = settings.databasePath().toAbsolutePath().normalize();
        createParentDirectories(file);
        SQLiteDataSource dataSource = dataSource(file, settings);
        Flyway flyway = Flyway.configure(SqliteDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load();
        try {
            var result = flyway.migrate();
            log.info("Database {} ready at schema version {} ({} migration(s) applied now)",
                    file, flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate database " + file + ": " + e.getMessage(), e);
        }
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        return new SqliteDatabase(file, flyway, jdbi);
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

    private static SQLiteDataSource dataSource(Path file, StoreSettings settings) {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(Math.toIntExact(settings.busyTimeout().toMillis()));
        var dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    public SyncHealthSource syncHealth() {
        return () -> query(handle -> handle.attach(SyncHealthDao.class).find())
                .map(row -> new SyncHealth(
                        Optional.ofNullable(row.lastSuccessAt()).map(Instant::parse), row.inGracePeriod()))
                .orElse(SyncHealth.NEVER_SYNCED);
    }

    public List<String> appliedMigrations() {
        return Arrays.stream(flyway.info().applied())
                .map(MigrationInfo::getVersion)
                .map(String::valueOf)
                .toList();
    }

    public String engineVersion() {
        return query(handle -> handle.createQuery("SELECT sqlite_version()").mapTo(String.class).one());
    }

    private <T> T query(org.jdbi.v3.core.HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            throw new StoreException("database " + file + " failed: " + e.getMessage(), e);
        }
    }

    public void close() {
        // Connections are opened per unit of work and closed after it; nothing stays open.
        log.debug("Database {} closed", file);
    }
}
