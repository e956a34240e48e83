package dev.sietch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.core.model.SyncHealth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on the module path (surefire patches these tests into dev.sietch.store), as the image does. */
final class SqliteStoreTest {

    @TempDir
    Path dir;

    @Test
    void createsDirectoriesAndAppliesMigrations_whenFileIsAbsent() throws Exception {
        // given
        Path file = dir.resolve("nested/data/sietch.db");

        // when
        try (var store = Store.sqlite(StoreSettings.of(file))) {
            // then
            assertThat(file).exists();
            assertThat(store.appliedMigrations()).containsExactly("001", "002", "003", "004", "005", "006", "007", "008", "009");
            assertThat(store.engineVersion()).matches("3\\.\\d+\\.\\d+");
        }
        assertThat(journalMode(file)).isEqualTo("wal");
    }

    @Test
    void reportsNeverSynced_onFreshDatabase() {
        try (var store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")))) {
            assertThat(store.syncHealth().current()).isEqualTo(SyncHealth.NEVER_SYNCED);
        }
    }

    @Test
    void readsRecordedSyncState() throws Exception {
        // given
        Path file = dir.resolve("s.db");
        Store.sqlite(StoreSettings.of(file)).close();
        execute(file, "UPDATE sync_health SET last_success_at = '2026-11-25T06:00:00Z', in_grace_period = 1");

        // when
        try (var store = Store.sqlite(StoreSettings.of(file))) {
            // then
            assertThat(store.syncHealth().current())
                    .isEqualTo(new SyncHealth(Optional.of(Instant.parse("2026-11-25T06:00:00Z")), Optional.empty(), 0, Optional.empty(), true));
            assertThat(store.appliedMigrations()).containsExactly("001", "002", "003", "004", "005", "006", "007", "008", "009");
        }
    }

    @Test
    void failsWithStoreException_whenPathIsNotWritable() throws Exception {
        // given: the parent "directory" is a regular file
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");

        // then
        assertThatThrownBy(() -> Store.sqlite(StoreSettings.of(blocker.resolve("sietch.db"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create directory");
    }

    private static String journalMode(Path file) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Path file, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().executeUpdate(sql);
        }
    }
}
