package dev.sietch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sietch.store.internal.LeaseElector;
import java.util.List;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL database for several instances: a connection pool, PostgreSQL's own migrations
 * (applied on open; Flyway's lock keeps two instances from applying them at once) and the
 * leader's lease.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);
    static final String MIGRATIONS = "classpath:db-migration-postgresql";

    private final PostgresSettings settings;
    private final HikariDataSource pool;
    private final Flyway flyway;
    /** The elections' own connections: a busy store (every pooled connection taken) cannot delay a renewal. */
    private final List<HikariDataSource> leasePools = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final dev.sietch.store.internal.Database database;

    private PostgresDatabase(PostgresSettings settings, HikariDataSource pool, Flyway flyway) {
        this.settings = settings;
        this.pool = pool;
        this.flyway = flyway;
        this.database = dev.sietch.store.internal.Database.postgres(pool, flyway);
    }

    /** The store's view of this database, for {@link Store#postgres}. */
    dev.sietch.store.internal.Database database() {
        return database;
    }

    /**
     * Connects and migrates.
     *
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static PostgresDatabase open(PostgresSettings settings) {
        HikariDataSource pool = pool(settings, "sietch-postgres", settings.maxPoolSize());
        Flyway flyway = Flyway.configure(PostgresDatabase.class.getClassLoader())
                .dataSource(pool)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load();
        try {
            var result = flyway.migrate();
            log.info("PostgreSQL {} ready at schema version {} ({} migration(s) applied now)", settings.jdbcUrl(),
                    flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot migrate " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
        return new PostgresDatabase(settings, pool, flyway);
    }

    private static HikariDataSource pool(PostgresSettings settings, String name, int size) {
        var config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setPoolName(name);
        // a connection whose peer vanished without a word fails instead of hanging for hours; far
        // above any wait the store makes on purpose (a writer queued behind another's sync,
        // Flyway's lock while another instance migrates)
        config.addDataSourceProperty("socketTimeout", "120");
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // the store binds times and amounts as text in one fixed format (as SQLite keeps them):
        // untyped parameters let the server read them as timestamptz and numeric
        config.addDataSourceProperty("stringtype", "unspecified");
        // times come back in UTC whatever the server's or the JVM's zone
        config.setConnectionInitSql("SET TIME ZONE 'UTC'");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts taking part in the election for {@code lease.name()}; {@code listener} hears of each
     * term. The lease is renewed over connections of its own (two), not the store's pool.
     *
     * @throws StoreException if those connections cannot be made
     */
    public Leadership leadership(LeaseSettings lease, Leadership.Listener listener) {
        HikariDataSource leasePool = pool(settings, "sietch-postgres-lease", 2);
        leasePools.add(leasePool);
        return LeaseElector.start(leasePool, database, lease, listener);
    }

    /**
     * Copies the SQLite store in {@code sqliteFile} (which may be in use: the copy reads one
     * consistent state) into this database, which must hold no data yet: every table, in one
     * transaction, with the row counts compared.
     *
     * @return rows per table
     * @throws IllegalArgumentException if the file is missing
     * @throws IllegalStateException if this database already holds data
     * @throws StoreException if either database fails
     */
    public java.util.Map<String, Long> copyFrom(java.nio.file.Path sqliteFile) {
        return dev.sietch.store.internal.StoreCopy.copy(sqliteFile, pool);
    }

    /** Versions of the migrations applied, oldest first. */
    public List<String> appliedMigrations() {
        return Arrays.stream(flyway.info().applied()).map(MigrationInfo::getVersion).map(String::valueOf).toList();
    }

    /** Closes the pools; close the elections first, so that a leader gives its lease up. */
    @Override
    public void close() {
        leasePools.forEach(HikariDataSource::close);
        pool.close();
    }
}
