package dev.sietch.store;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** {@link EligibilityStoreTest} on PostgreSQL (skipped, with the reason, where none is reachable). */
final class EligibilityStorePostgresTest extends EligibilityStoreTest {

    @Override
    Engine engine() {
        return new PostgresStores();
    }

    @Override
    void failOutboxInserts(String name) throws Exception {
        try (var c = connect(name)) {
            c.createStatement().execute("""
                    CREATE FUNCTION fail_outbox() RETURNS trigger AS $$
                    BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql""");
            c.createStatement().execute(
                    "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION fail_outbox()");
        }
    }

    @Override
    @Test
    @Disabled("the store's file backup is SQLite's; PostgreSQL is backed up with pg_dump")
    void backsUpWhileOpen_andPrunesOldSnapshots() {}

    @Override
    @Test
    @Disabled("the store's file backup is SQLite's; PostgreSQL is backed up with pg_dump")
    void backsUpConsistently_whileAnotherThreadWrites() {}
}
