package dev.sietch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.app.InstanceLock;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sietch import-legacy}: the command around the store's import (whose table-by-table
 * behaviour the store's tests cover against sietch-service's whole schema).
 */
final class ImportLegacyCommandTest {

    private final CommandRun command = new CommandRun();

    @TempDir
    Path dir;

    private Path legacy;
    private Path database;

    @BeforeEach
    void predecessorDatabase() throws Exception {
        legacy = dir.resolve("old/sietch.db");
        java.nio.file.Files.createDirectories(legacy.getParent());
        database = dir.resolve("data/sietch.db");
        command.properties.setProperty("sietch.store.path", database.toString());
        command.properties.setProperty("sietch.http.public-url", "https://sietch.example");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + legacy);
                var sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TABLE wallet_mappings (discord_user_id TEXT PRIMARY KEY, wallet_address TEXT NOT NULL COLLATE NOCASE,
                        verified_at TEXT NOT NULL DEFAULT (datetime('now')))""");
            sql.execute("""
                    CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, event_type TEXT NOT NULL,
                        event_data TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')))""");
            sql.execute("""
                    CREATE TABLE member_profiles (member_id TEXT PRIMARY KEY, discord_user_id TEXT NOT NULL UNIQUE,
                        nym TEXT NOT NULL UNIQUE COLLATE NOCASE, bio TEXT, pfp_url TEXT, pfp_type TEXT DEFAULT 'none',
                        tier TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')),
                        updated_at TEXT NOT NULL DEFAULT (datetime('now')), nym_last_changed TEXT,
                        onboarding_complete INTEGER NOT NULL DEFAULT 0, onboarding_step INTEGER NOT NULL DEFAULT 0)""");
            sql.execute("""
                    INSERT INTO wallet_mappings VALUES ('111111111111111111', '0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
                        '2025-01-05 10:00:00')""");
            sql.execute("INSERT INTO audit_log (event_type, event_data, created_at) VALUES ('member_added', '{}', '2025-01-05 06:00:00')");
            sql.execute("""
                    INSERT INTO member_profiles (member_id, discord_user_id, nym, pfp_type, tier, created_at, updated_at,
                        onboarding_complete) VALUES ('m-1', '111111111111111111', 'Alice', 'generated', 'naib',
                        '2025-01-05 10:05:00', '2025-01-05 10:05:00', 1)""");
        }
    }

    @Test
    void importsIntoANewDatabase_once() {
        assertThat(command.run("import-legacy", legacy.toString())).as(command.err.toString()).isZero();

        assertThat(command.out.toString()).contains("3 of 3 rows")
                .containsPattern("wallet_mappings +-> wallet_link +1 of 1")
                .containsPattern("member_profiles +-> member_profile +1 of 1");
        try (var store = Store.sqlite(StoreSettings.of(database))) {
            var alice = store.members().byNym("alice").orElseThrow();
            // the avatar is served by this deployment's API, at its public URL
            assertThat(alice.pfpUrl()).contains("https://sietch.example/api/avatars/m-1.png");
            assertThat(store.auditLog().recent(5, Optional.of("legacy_import"), Optional.empty())).hasSize(1);
        }

        assertThat(command.run("import-legacy", legacy.toString())).isEqualTo(1);
        assertThat(command.err.toString()).contains("already holds community data");
    }

    @Test
    void refusesWhileTheServiceRuns_orWhenThePathIsWrong() {
        try (var running = InstanceLock.tryAcquire(database).orElseThrow()) {
            assertThat(command.run("import-legacy", legacy.toString())).isEqualTo(1);
            assertThat(command.err.toString()).contains("Sietch is running on").contains("stop it first");
        }
        assertThat(command.run("import-legacy", dir.resolve("nope.db").toString())).isEqualTo(1);
        assertThat(command.err.toString()).contains("Not imported:").contains("no such file");
    }
}
