package dev.sietch.store;

/** {@link AlertQueueStoreTest} on PostgreSQL (skipped, with the reason, where none is reachable). */
final class AlertQueueStorePostgresTest extends AlertQueueStoreTest {

    @Override
    Engine engine() {
        return new PostgresStores();
    }
}
