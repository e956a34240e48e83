package dev.sietch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.app.TestPostgres;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sietch migrate-store}: an SQLite deployment copied into the machine's PostgreSQL (a schema
 * of the test's own, dropped afterwards; skipped with the reason where none is reachable).
 */
final class MigrateStoreCommandTest {

    private static final String SERVER = TestPostgres.SERVER;

    @TempDir
    Path dir;

    private final CommandRun command = new CommandRun();

    @Test
    void copiesTheDatabase_andRefusesASecondCopyIntoTheSameOne() throws Exception {
        Path file = dir.resolve("sietch.db");
        try (var store = Store.sqlite(StoreSettings.of(file))) {
            for (int i = 0; i < 3; i++) {
                store.auditLog().append(new AuditEntry("admin_override", Map.of("n", i)), Instant.now());
            }
        }
        String schema = TestPostgres.uniqueName("sietch_test_");
        try (Connection admin = TestPostgres.connect("test")) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try {
            String to = "postgresql://postgres@" + SERVER + "/test?currentSchema=" + schema;

            assertThat(command.run("migrate-store", "--from", "sqlite:" + file, "--to", to))
                    .as(command.err.toString()).isZero();
            assertThat(command.out.toString()).containsPattern("tables, \\d+ rows \\(counts compared\\)")
                    .containsPattern("(?m)^  audit_log +3$");
            try (Connection admin = TestPostgres.connect("test"); var rows = admin.createStatement()
                    .executeQuery("SELECT count(*) FROM " + schema + ".audit_log")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(3);
            }

            assertThat(command.run("migrate-store", "--from", "sqlite:" + file, "--to", to)).isEqualTo(1);
            assertThat(command.err.toString()).contains("Not copied: the PostgreSQL database already holds data");
        } finally {
            try (Connection admin = TestPostgres.connect("test")) {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void theCommandsForTheSqliteFileSayWhatToDoInsteadOnPostgresql() {
        command.properties.setProperty("sietch.database.url", "postgresql://" + SERVER + "/test");
        assertThat(command.run("restore", "x.pgdump")).isEqualTo(2);
        assertThat(command.err.toString()).contains("DATABASE_URL names PostgreSQL", "pg_restore");
        assertThat(command.run("import-legacy", "old.db")).isEqualTo(2);
        assertThat(command.err.toString()).contains("then copy with sietch migrate-store");
        assertThat(command.run("sync", "--once")).isEqualTo(2);
        assertThat(command.err.toString()).contains("the leader among the running instances");
    }

    @Test
    void refusesBadArguments_andAPasswordOnTheCommandLine() {
        assertThat(command.run("migrate-store", "--from", "sietch.db", "--to", "postgresql://h/db")).isEqualTo(2);
        assertThat(command.err.toString()).contains("--from: expected sqlite:PATH");
        assertThat(command.run("migrate-store", "--from", "sqlite:x.db", "--to", "postgresql://u:secret@h/db"))
                .isEqualTo(2);
        assertThat(command.err.toString()).contains("no password in the URL; set SIETCH_POSTGRES_PASSWORD")
                .doesNotContain("secret");
        assertThat(command.run("migrate-store", "--from", "sqlite:x.db", "--to", "postgresql://h/db?user=u&Password=secret"))
                .isEqualTo(2);
        assertThat(command.err.toString()).contains("no password in the URL").doesNotContain("secret");
        assertThat(command.run("migrate-store", "--from", "sqlite:x.db", "--to", "mysql://h/db")).isEqualTo(2);
    }
}
