package dev.sietch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.app.InstanceLock;
import dev.sietch.store.DatabaseFile;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sietch backup} and {@code sietch restore} on a real database that another connection keeps
 * writing to, with a real git repository (and a bare one as its remote).
 */
final class BackupRestoreCommandTest {

    private final CommandRun command = new CommandRun();

    /** Each writer transaction adds this many audit rows: a snapshot holds a multiple of it. */
    private static final int ROWS_PER_TRANSACTION = 5;

    @TempDir
    Path dir;

    private Path database;
    private Path repository;

    @BeforeEach
    void database() {
        database = dir.resolve("data/sietch.db");
        repository = dir.resolve("backups-repo");
        Store.sqlite(StoreSettings.of(database)).close();
        command.properties.setProperty("sietch.store.path", database.toString());
        command.properties.setProperty("sietch.backup.directory", repository.toString());
    }

    @Test
    void backsUpDuringWrites_andRestoresExactlyTheSnapshot() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong transactions = new AtomicLong();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
                connection.createStatement().execute("PRAGMA busy_timeout = 5000");
                connection.setAutoCommit(false);
                var insert = connection.prepareStatement(
                        "INSERT INTO audit_log (event_type, event_data, created_at) VALUES ('test_write', '{}', ?)");
                while (writing.get()) {
                    for (int i = 0; i < ROWS_PER_TRANSACTION; i++) {
                        insert.setString(1, java.time.Instant.now().toString());
                        insert.executeUpdate();
                    }
                    connection.commit();
                    transactions.incrementAndGet();
                    Thread.sleep(1); // a busy service, not one that never lets go of the lock

                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waitFor(() -> transactions.get() > 20);

        List<Path> backups = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long before = transactions.get();
            assertThat(command.run("backup")).as(command.err.toString()).isZero();
            assertThat(command.out.toString()).contains("integrity ok");
            backups.add(latest());
            waitFor(() -> transactions.get() > before + 5); // writes went on during and after it
        }
        writing.set(false);
        writer.join();
        long finalRows = auditRows(database);

        // three distinct snapshots, each consistent: whole transactions only
        assertThat(backups).doesNotHaveDuplicates();
        List<Long> snapshotRows = new ArrayList<>();
        for (Path backup : backups) {
            assertThat(repository.relativize(backup).toString()).matches("backups/\\d{4}/\\d{2}/sietch_\\d{4}-\\d{2}-\\d{2}_\\d{6}(_\\d+)?\\.db\\.gz");
            Path plain = gunzip(backup);
            DatabaseFile.Check check = DatabaseFile.check(plain);
            assertThat(check.problems()).isEmpty();
            long rows = check.rowCounts().get("audit_log");
            assertThat(rows % ROWS_PER_TRANSACTION).isZero();
            snapshotRows.add(rows);
        }
        assertThat(snapshotRows).isSorted().doesNotHaveDuplicates();
        assertThat(snapshotRows.getLast()).isLessThan(finalRows);
        assertThat(git(repository, "log", "--format=%s")).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("Backup "));
        assertThat(git(repository, "status", "--porcelain")).isEmpty();
        try (var store = Store.sqlite(StoreSettings.of(database))) {
            assertThat(store.lastBackup()).hasValueSatisfying(b -> assertThat(b.file())
                    .isEqualTo(repository.relativize(backups.getLast()).toString()));
        }

        // restore refuses while a service holds the database
        try (var running = InstanceLock.tryAcquire(database).orElseThrow()) {
            assertThat(command.run("restore", repository.resolve("backups/latest.db.gz").toString())).isEqualTo(1);
            assertThat(command.err.toString()).contains("Sietch is running on").contains("stop it first");
        }
        assertThat(auditRows(database)).isEqualTo(finalRows);

        // restore the newest: the database now holds exactly that snapshot; the replaced one is kept
        Map<String, Long> expected = DatabaseFile.check(gunzip(backups.getLast())).rowCounts();
        assertThat(command.run("restore", repository.resolve("backups/latest.db.gz").toString())).as(command.err.toString()).isZero();
        assertThat(command.out.toString()).contains("integrity_check: ok; schema version");
        DatabaseFile.Check restored = DatabaseFile.check(database);
        assertThat(restored.problems()).isEmpty();
        assertThat(restored.rowCounts()).isEqualTo(expected);
        Path aside;
        try (Stream<Path> files = Files.list(database.getParent())) {
            aside = files.filter(f -> f.getFileName().toString().matches("sietch\\.db\\.before-restore-[0-9_-]+"))
                    .findFirst().orElseThrow();
        }
        assertThat(auditRows(aside)).isEqualTo(finalRows);
        assertThat(command.out.toString()).contains(aside.toString());
    }

    @Test
    void refusesABackupThatIsNotASoundDatabase_andLeavesTheDatabaseAlone() throws Exception {
        Path garbage = dir.resolve("garbage.db.gz");
        try (var gz = new GZIPOutputStream(Files.newOutputStream(garbage))) {
            gz.write("SQLite format 3\0 but not really".repeat(300).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] before = Files.readAllBytes(database);

        assertThat(command.run("restore", garbage.toString())).isEqualTo(1);
        assertThat(command.err.toString()).contains("is not a sound Sietch database");
        assertThat(command.run("restore", dir.resolve("missing.db.gz").toString())).isEqualTo(1);
        assertThat(command.err.toString()).contains("no such file");

        assertThat(Files.readAllBytes(database)).isEqualTo(before);
        try (Stream<Path> files = Files.list(database.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("restor"));
        }
    }

    @Test
    void keepsThirtyDaysInTheWorkingTree_andPushesToTheRemote() throws Exception {
        assertThat(command.run("backup")).as(command.err.toString()).isZero();
        Path remote = dir.resolve("remote.git");
        git(dir, "init", "--quiet", "--bare", remote.toString());
        git(repository, "remote", "add", "origin", remote.toString());
        Path old = oldBackup(40);
        Path recent = oldBackup(10);
        git(repository, "add", "--all");
        git(repository, "-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "--quiet", "-m", "older backups");

        assertThat(command.run("backup")).as(command.err.toString()).isZero();

        assertThat(old).doesNotExist();
        assertThat(old.getParent()).doesNotExist(); // an emptied month goes too
        assertThat(recent).exists();
        assertThat(command.out.toString()).contains("removed (older than the retention): " + repository.relativize(old))
                .contains("pushed to origin");
        assertThat(git(remote, "log", "--format=%s", "-1")).singleElement()
                .satisfies(subject -> assertThat(subject).startsWith("Backup "));
        // git history still has the removed snapshot
        assertThat(git(repository, "log", "--format=%h", "--", repository.relativize(old).toString())).hasSize(2);
        try (var store = Store.sqlite(StoreSettings.of(database))) {
            assertThat(store.lastBackup()).hasValueSatisfying(b -> assertThat(b.pushed()).isTrue());
        }

        // an unreachable remote: the backup is kept and committed, the exit code says the push failed
        git(repository, "remote", "set-url", "origin", dir.resolve("nowhere.git").toString());
        assertThat(command.run("backup")).isEqualTo(3);
        assertThat(command.err.toString()).contains("Backup kept and committed, but not pushed");
        assertThat(git(repository, "status", "--porcelain")).isEmpty();
    }

    @Test
    void reportsAMissingDatabaseInsteadOfCreatingOne() {
        command.properties.setProperty("sietch.store.path", dir.resolve("nothing/here.db").toString());
        assertThat(command.run("backup")).isEqualTo(1);
        assertThat(command.err.toString()).contains("No database at");
        assertThat(dir.resolve("nothing")).doesNotExist();
    }

    private Path oldBackup(int daysAgo) throws IOException {
        LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).minusDays(daysAgo);
        Path file = repository.resolve(String.format("backups/%04d/%02d/sietch_%s.db.gz", at.getYear(), at.getMonthValue(),
                DateTimeFormatter.ofPattern("uuuu-MM-dd_HHmmss").format(at)));
        Files.createDirectories(file.getParent());
        Files.copy(latest(), file);
        // a month directory of its own for the old one, so emptying it is visible
        return file;
    }

    private Path latest() throws IOException {
        Path link = repository.resolve("backups/latest.db.gz");
        assertThat(link).isSymbolicLink();
        return link.resolveSibling(Files.readSymbolicLink(link)).normalize();
    }

    private Path gunzip(Path backup) throws IOException {
        Path plain = Files.createTempFile(dir, "snapshot", ".db");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(backup))) {
            Files.copy(in, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return plain;
    }

    private static long auditRows(Path file) {
        return DatabaseFile.check(file).rowCounts().get("audit_log");
    }

    private static List<String> git(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
