package dev.sietch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.core.model.AuditEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a deployment from SQLite to PostgreSQL: every table copied with its row count, the data
 * read back alike through the store, and the copy refused into a database that holds data.
 */
final class StoreCopyTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void copiesEveryTable_andTheStoreReadsTheSameData() throws Exception {
        Path file = dir.resolve("sietch.db");
        Path legacy = dir.resolve("legacy.db");
        LegacyImportTest.LegacyDatabases.create(legacy, "sietch-service-schema.sql", "sample-rows.sql");
        try (var sqlite = Store.sqlite(StoreSettings.of(file))) {
            sqlite.importLegacy(legacy, new LegacyImport.Options(id -> "https://sietch.example/a/" + id), NOW);
            long first = EligibilityStoreTest.sync(sqlite, 
                    EligibilityStoreTest.commit(OptionalLong.empty(), EligibilityStoreTest.ranking(12), List.of()));
            assertThat(first).isPositive();
        }
        Map<String, Long> expected = DatabaseFile.check(file).rowCounts();

        try (var schema = PostgresTestDatabase.create(); var postgres = PostgresDatabase.open(schema.settings())) {
            Map<String, Long> copied = postgres.copyFrom(file);

            Map<String, Long> withoutHistory = new java.util.TreeMap<>(expected);
            withoutHistory.remove("flyway_schema_history");
            assertThat(new java.util.TreeMap<>(copied)).isEqualTo(withoutHistory);
            assertThat(copied.get("audit_log")).isPositive();
            assertThat(copied.get("current_ranking")).isEqualTo(12);

            try (var sqlite = Store.sqlite(StoreSettings.of(file));
                    var store = Store.postgres(postgres, Clock.systemUTC())) {
                assertThat(store.rankings().upToRank(100)).isEqualTo(sqlite.rankings().upToRank(100));
                assertThat(store.naibSeats().active()).isEqualTo(sqlite.naibSeats().active());
                assertThat(store.members().byNym("ALICE")).isEqualTo(sqlite.members().byNym("alice"));
                assertThat(store.walletLinks().all()).isEqualTo(sqlite.walletLinks().all());
                assertThat(store.syncHealth().current()).isEqualTo(sqlite.syncHealth().current());
                assertThat(store.auditLog().recent(50, Optional.empty(), Optional.empty()))
                        .isEqualTo(sqlite.auditLog().recent(50, Optional.empty(), Optional.empty()));
                // the identity counters moved past the copied ids: new rows get new ones
                store.auditLog().append(new AuditEntry("legacy_import", Map.of("after", "copy")), NOW);
                assertThat(store.auditLog().recent(1, Optional.empty(), Optional.empty()).getFirst().id())
                        .isEqualTo(expected.get("audit_log") + 1);
            }

            assertThatThrownBy(() -> postgres.copyFrom(file)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already holds data");
        }
    }
}
