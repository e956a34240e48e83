package dev.sietch.store;

/** {@link CommunityStoreTest} on PostgreSQL (skipped, with the reason, where none is reachable). */
final class CommunityStorePostgresTest extends CommunityStoreTest {

    @Override
    Engine engine() {
        return new PostgresStores();
    }
}
