package dev.sietch.store;

/** {@link NaibSeatsStoreTest} on PostgreSQL (skipped, with the reason, where none is reachable). */
final class NaibSeatsStorePostgresTest extends NaibSeatsStoreTest {

    @Override
    Engine engine() {
        return new PostgresStores();
    }
}
