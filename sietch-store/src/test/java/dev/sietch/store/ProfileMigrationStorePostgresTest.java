package dev.sietch.store;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** {@link ProfileMigrationStoreTest} on PostgreSQL (skipped, with the reason, where none is reachable). */
final class ProfileMigrationStorePostgresTest extends ProfileMigrationStoreTest {

    @Override
    Engine engine() {
        return new PostgresStores();
    }

    @Override
    @Test
    @Disabled("an upgrade from SQLite's migration 005; PostgreSQL's history starts with the whole schema")
    void anOnboardingSessionKeepsAChosenPicture_andSessionsSurviveTheUpgradeFrom005() {}
}
