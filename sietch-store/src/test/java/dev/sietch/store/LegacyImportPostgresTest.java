package dev.sietch.store;

/** {@link LegacyImportTest} into PostgreSQL (skipped, with the reason, where none is reachable). */
final class LegacyImportPostgresTest extends LegacyImportTest {

    @Override
    Engine engine() {
        return new PostgresStores();
    }
}
