import org.jspecify.annotations.NullMarked;

/**
 * Sietch's persistence: Flyway migrations (in {@code db-migration/}, a resource directory that is
 * not a package, so Flyway's class-loader scan sees it from a named module), Jdbi DAOs and
 * transactions over an SQLite file in WAL mode; for several instances, a pooled PostgreSQL database
 * with its own migrations ({@code db-migration-postgresql/}) and the leader's lease.
 *
 * <p>The façade {@link dev.sietch.store.Store} hands out core ports; Jdbi and JDBC types
 * never appear in its signatures. {@code internal} and its feature packages (one adapter per port
 * with its SQL objects and row records) are opened, not exported, to Jdbi, which maps rows to
 * records and builds SQL-object proxies by reflection.
 */
@NullMarked
module dev.sietch.store {
    requires transitive dev.sietch.core;
    requires static org.jspecify;
    requires java.sql;
    requires org.slf4j;
    requires org.jdbi.v3.core;
    requires org.jdbi.v3.sqlobject;
    requires org.xerial.sqlitejdbc;
    requires flyway.core; // Flyway ships no module name; this is the one derived from its jar
    requires flyway.database.postgresql; // Flyway's PostgreSQL support, found by service lookup
    requires org.postgresql.jdbc; // pgjdbc's Automatic-Module-Name
    requires com.zaxxer.hikari;

    exports dev.sietch.store;

    opens dev.sietch.store.internal to org.jdbi.v3.core, org.jdbi.v3.sqlobject;
    opens dev.sietch.store.internal.badges to org.jdbi.v3.core, org.jdbi.v3.sqlobject;
    opens dev.sietch.store.internal.legacy to org.jdbi.v3.core, org.jdbi.v3.sqlobject;
    opens dev.sietch.store.internal.members to org.jdbi.v3.core, org.jdbi.v3.sqlobject;
    opens dev.sietch.store.internal.naib to org.jdbi.v3.core, org.jdbi.v3.sqlobject;
    opens dev.sietch.store.internal.notifications to org.jdbi.v3.core, org.jdbi.v3.sqlobject;
    opens dev.sietch.store.internal.thresholds to org.jdbi.v3.core, org.jdbi.v3.sqlobject;
    opens dev.sietch.store.internal.waitlist to org.jdbi.v3.core, org.jdbi.v3.sqlobject;
    opens dev.sietch.store.internal.wallets to org.jdbi.v3.core, org.jdbi.v3.sqlobject;
}
