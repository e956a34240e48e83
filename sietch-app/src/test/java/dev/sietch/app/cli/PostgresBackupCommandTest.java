package dev.sietch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.app.TestPostgres;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.store.PostgresDatabase;
import dev.sietch.store.PostgresSettings;
import dev.sietch.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sietch backup} on PostgreSQL: {@code pg_dump} into the backup repository, recorded in the
 * database, and the dump restores with {@code pg_restore} (the machine's PostgreSQL, a schema and a
 * database of the test's own, dropped afterwards; skipped with the reason where PostgreSQL or its
 * client programs are missing).
 */
final class PostgresBackupCommandTest {

    private static final String SERVER = TestPostgres.SERVER;

    @TempDir
    Path dir;

    private final CommandRun command = new CommandRun();

    @Test
    void dumpsThePostgresqlStoreIntoTheRepository_recordsIt_andTheDumpRestores() throws Exception {
        Assumptions.assumeTrue(onPath("pg_dump") && onPath("pg_restore"),
                "PostgreSQL's client programs (pg_dump, pg_restore) are not installed");
        String schema = TestPostgres.uniqueName("sietch_test_");
        String restored = TestPostgres.uniqueName("sietch_restore_");
        try (Connection admin = TestPostgres.connect("test")) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
        }
        var settings = new PostgresSettings("jdbc:postgresql://" + SERVER + "/test?currentSchema=" + schema, "postgres",
                "", 2, Duration.ofSeconds(5));
        try {
            try (var database = PostgresDatabase.open(settings); var store = Store.postgres(database, Clock.systemUTC())) {
                for (int i = 0; i < 3; i++) {
                    store.auditLog().append(new AuditEntry("admin_override", Map.of("n", i)), Instant.now());
                }
                assertThat(store.lastBackup()).isEmpty();
            }
            command.properties.setProperty("sietch.database.url", "postgresql://postgres@" + SERVER + "/test?currentSchema="
                    + schema);
            Path repository = dir.resolve("repository");

            assertThat(command.run("backup", "--dir", repository.toString())).as(command.err.toString()).isZero();

            assertThat(command.out.toString()).containsPattern("Backed up jdbc:postgresql://\\S+ to \\S+\\.pgdump "
                    + "\\(\\d+ bytes, pg_dump, \\d+ tables listed by pg_restore\\)");
            Path latest = repository.resolve("backups/latest.pgdump");
            assertThat(Files.isSymbolicLink(latest)).isTrue();
            assertThat(Files.readSymbolicLink(latest).toString()).matches("\\d{4}/\\d{2}/sietch_[0-9_-]+\\.pgdump");
            assertThat(run(repository, "git", "log", "--oneline")).hasLineCount(1);
            try (var database = PostgresDatabase.open(settings); var store = Store.postgres(database, Clock.systemUTC())) {
                assertThat(store.lastBackup()).isPresent().get()
                        .satisfies(backup -> assertThat(backup.file()).endsWith(".pgdump"));
            }

            // the dump restores into an empty database, rows and all
            try (Connection admin = TestPostgres.connect("test")) {
                admin.createStatement().execute("CREATE DATABASE " + restored);
            }
            run(dir, "pg_restore", "--no-owner", "--exit-on-error", "--dbname=host=127.0.0.1 port=5432 user=postgres dbname="
                    + restored, latest.toRealPath().toString());
            try (Connection copy = TestPostgres.connect(restored); var rows = copy.createStatement().executeQuery(
                    "SELECT count(*) FROM " + schema + ".audit_log WHERE event_type = 'admin_override'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(3);
            }
        } finally {
            try (Connection admin = TestPostgres.connect("test")) {
                admin.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + restored);
            }
        }
    }

    @Test
    void aFailingDumpIsReported_andNothingIsCommitted() throws Exception {
        Assumptions.assumeTrue(onPath("pg_dump"), "pg_dump is not installed");
        TestPostgres.connect("test").close();
        // a database that does not exist: the store cannot open it, so nothing is dumped or committed
        command.properties.setProperty("sietch.database.url", "postgresql://postgres@" + SERVER + "/"
                + TestPostgres.uniqueName("no_such_database_"));
        Path repository = dir.resolve("repository");
        assertThat(command.run("backup", "--dir", repository.toString())).isEqualTo(1);
        assertThat(command.err.toString()).startsWith("Backup failed: ").contains("no_such_database_");
        assertThat(repository.resolve("backups")).doesNotExist();
    }

    private static boolean onPath(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String run(Path in, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
