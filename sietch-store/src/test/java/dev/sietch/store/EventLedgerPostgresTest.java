package dev.sietch.store;

/** {@link EventLedgerTest} on PostgreSQL (skipped, with the reason, where none is reachable). */
final class EventLedgerPostgresTest extends EventLedgerTest {

    @Override
    Engine engine() {
        return new PostgresStores();
    }
}
