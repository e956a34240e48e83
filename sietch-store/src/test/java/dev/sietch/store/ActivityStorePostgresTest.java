package dev.sietch.store;

/** {@link ActivityStoreTest} on PostgreSQL (skipped, with the reason, where none is reachable). */
final class ActivityStorePostgresTest extends ActivityStoreTest {

    @Override
    Engine engine() {
        return new PostgresStores();
    }
}
