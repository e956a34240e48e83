package dev.sietch.app.backup;

import dev.sietch.store.BackupRecord;
import dev.sietch.store.DatabaseFile;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Backups of the SQLite database into a git repository, and restoring one.
 *
 * <p>A backup is an online snapshot ({@code VACUUM INTO}: one read transaction, so it is consistent
 * while the service keeps writing), checked with {@code integrity_check}, gzipped to
 * {@code backups/YYYY/MM/sietch_YYYY-MM-DD_HHMMSS.db.gz}, linked from {@code backups/latest.db.gz},
 * committed, and pushed when the repository has a remote. Snapshots older than the retention leave
 * the working tree (git's history still has them).
 */
public final class Backups {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd_HHmmss");
    /**
     * {@code sietch_<UTC time>.db.gz} (SQLite) or {@code .pgdump} (PostgreSQL), with {@code _2},
     * {@code _3}… for more backups in the same second.
     */
    private static final Pattern NAME = Pattern.compile("sietch_(\\d{4}-\\d{2}-\\d{2}_\\d{6})(?:_\\d+)?\\.(?:db\\.gz|pgdump)");
    static final String LATEST = "latest.db.gz";
    static final String SQLITE_SUFFIX = ".db.gz";
    static final String POSTGRES_SUFFIX = ".pgdump";

    /** Writes the snapshot to {@code target} (through files in {@code work}); returns rows per table, if counted. */
    @FunctionalInterface
    private interface Snapshot {
        Map<String, Long> write(Path work, Path target) throws BackupException, IOException;
    }

    private Backups() {}

    /**
     * A backup that was written.
     *
     * @param file the snapshot, relative to the repository
     * @param pushedTo the remote it was pushed to, if any
     * @param pushFailure why the push failed, if it did (the backup is kept and committed)
     * @param recordFailure why the backup could not be recorded in the database, if it could not
     *     (the backup is kept and committed, but the backup-age metric does not show it)
     * @param pruned snapshots removed by retention
     * @param rowCounts rows per table in the snapshot (-1 where not counted: a PostgreSQL dump's tables)
     */
    public record Result(Instant takenAt, Path file, long bytes, Optional<String> pushedTo, Optional<String> pushFailure,
            Optional<String> recordFailure, List<Path> pruned, Map<String, Long> rowCounts) {}

    /** Takes a backup of {@code store} (SQLite) into {@code repository}. */
    public static Result take(SqliteStore store, Path repository, Duration retention, boolean push, Clock clock)
            throws BackupException {
        return take(store, repository, retention, push, clock, SQLITE_SUFFIX, LATEST, (work, target) -> {
            Path snapshot = work.resolve("snapshot-" + System.nanoTime() + ".db");
            try {
                store.backupTo(snapshot);
                DatabaseFile.Check check = DatabaseFile.check(snapshot);
                if (!check.sound()) {
                    throw new BackupException("the snapshot failed its integrity check: "
                            + String.join("; ", check.problems()));
                }
                if (check.schemaVersion().isEmpty()) {
                    throw new BackupException("the snapshot is not a Sietch database (no migration history)");
                }
                gzip(snapshot, work.resolve(target.getFileName() + ".partial"), target);
                return check.rowCounts();
            } finally {
                deleteQuietly(snapshot);
            }
        });
    }

    /**
     * Takes a backup of {@code store}, open on the PostgreSQL database {@code database}, into
     * {@code repository}: {@code pg_dump}'s custom format ({@code backups/YYYY/MM/sietch_….pgdump},
     * {@code backups/latest.pgdump}), checked with {@code pg_restore --list}; the same retention,
     * commit, push and record as SQLite's. Its tables are listed with no row counts (the dump is one
     * snapshot that a count beside it would not match).
     */
    public static Result takePostgres(Store store, dev.sietch.store.PostgresSettings database, Path repository,
            Duration retention, boolean push, Clock clock) throws BackupException {
        return take(store, repository, retention, push, clock, POSTGRES_SUFFIX, "latest" + POSTGRES_SUFFIX,
                (work, target) -> {
                    Path partial = work.resolve(target.getFileName() + ".partial");
                    try {
                        List<String> tables = PostgresDump.dump(database, partial);
                        Files.createDirectories(target.getParent());
                        move(partial, target);
                        var listed = new java.util.TreeMap<String, Long>();
                        tables.forEach(table -> listed.put(table, -1L));
                        return listed;
                    } finally {
                        deleteQuietly(partial);
                    }
                });
    }

    private static Result take(Store store, Path repository, Duration retention, boolean push, Clock clock,
            String suffix, String latest, Snapshot snapshot) throws BackupException {
        GitRepository.requireGit();
        Path root = repository.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new BackupException("cannot create the backup directory " + root + ": " + e.getMessage());
        }
        var git = new GitRepository(root);
        git.ensure();

        Instant takenAt = clock.instant();
        LocalDateTime utc = LocalDateTime.ofInstant(takenAt, ZoneOffset.UTC);
        Path month = Path.of("backups", String.format("%04d", utc.getYear()), String.format("%02d", utc.getMonthValue()));
        Path relative = month.resolve("sietch_" + NAME_TIME.format(utc) + suffix);
        for (int n = 2; Files.exists(root.resolve(relative)); n++) {
            relative = month.resolve("sietch_" + NAME_TIME.format(utc) + "_" + n + suffix);
        }
        Path target = root.resolve(relative);
        Path work = temporaryDirectory(root);
        Map<String, Long> rowCounts;
        long bytes;
        try {
            rowCounts = snapshot.write(work, target);
            bytes = Files.size(target);
            link(root.resolve("backups").resolve(latest), root.resolve("backups").relativize(target));
        } catch (IOException e) {
            throw new BackupException("cannot write " + target + ": " + e.getMessage());
        }
        List<Path> pruned = prune(root, takenAt.minus(retention), target);
        git.commitAll("Backup " + takenAt);

        Optional<String> pushedTo = Optional.empty();
        Optional<String> pushFailure = Optional.empty();
        Optional<String> remote = push ? git.remote() : Optional.empty();
        if (remote.isPresent()) {
            HostCommand.Outcome outcome = git.push(remote.get());
            if (outcome.ok()) {
                pushedTo = remote;
            } else {
                pushFailure = Optional.of("git push " + remote.get() + " failed (exit " + outcome.exitCode() + "): "
                        + outcome.output().strip());
            }
        }
        Optional<String> recordFailure = Optional.empty();
        try {
            store.recordBackup(new BackupRecord(takenAt, relative.toString(), bytes, pushedTo.isPresent()));
        } catch (dev.sietch.store.StoreException e) {
            // the backup exists and is committed; only the metric will not show it
            recordFailure = Optional.of("not recorded in the database: " + e.getMessage());
        }
        return new Result(takenAt, relative, bytes, pushedTo, pushFailure, recordFailure, pruned, rowCounts);
    }

    /**
     * A restore that was done.
     *
     * @param setAside where the database that was replaced now is, if there was one
     * @param check the restored database, checked after it was brought to this version's schema
     */
    public record Restored(Optional<Path> setAside, DatabaseFile.Check check) {}

    /**
     * Replaces {@code database} with the snapshot in {@code backup} (gzipped or not). The snapshot is
     * checked before anything is touched; the database it replaces is set aside, never deleted. The
     * caller holds the database's {@link dev.sietch.app.InstanceLock}.
     */
    public static Restored restore(Path backup, Path database, Clock clock) throws BackupException {
        if (!Files.isRegularFile(backup)) {
            throw new BackupException(backup + ": no such file");
        }
        Path db = database.toAbsolutePath().normalize();
        Path incoming = db.resolveSibling(db.getFileName() + ".restoring");
        try {
            Files.createDirectories(db.getParent());
            deleteQuietly(incoming);
            try (InputStream in = open(backup)) {
                Files.copy(in, incoming);
            }
            try (var channel = java.nio.channels.FileChannel.open(incoming, StandardOpenOption.WRITE)) {
                channel.force(true); // on disk before it takes the database's place
            }
        } catch (IOException e) {
            deleteQuietly(incoming);
            throw new BackupException("cannot read " + backup + ": " + e.getMessage());
        }
        DatabaseFile.Check check = DatabaseFile.check(incoming);
        if (!check.sound() || check.schemaVersion().isEmpty()) {
            deleteQuietly(incoming);
            throw new BackupException(backup + " is not a sound Sietch database: "
                    + (check.sound() ? "it has no migration history" : String.join("; ", check.problems())));
        }
        Optional<Path> setAside = Optional.empty();
        try {
            if (Files.exists(db)) {
                checkpoint(db); // the WAL's committed pages into the file, so the file alone is the database
                String suffix = ".before-restore-" + NAME_TIME.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                Path aside = db.resolveSibling(db.getFileName() + suffix);
                // the database with its WAL and shared-memory files, which may hold committed pages
                for (String part : List.of("-wal", "-shm", "")) {
                    Path file = db.resolveSibling(db.getFileName() + part);
                    if (Files.exists(file)) {
                        Files.move(file, db.resolveSibling(aside.getFileName() + part));
                    }
                }
                setAside = Optional.of(aside);
            }
            move(incoming, db);
        } catch (IOException e) {
            throw new BackupException("cannot replace " + db + ": " + e.getMessage()
                    + setAside.map(aside -> "; the previous database is at " + aside).orElse(""));
        }
        String where = setAside.map(aside -> "; the database it replaced is at " + aside).orElse("");
        try (var store = Store.sqlite(dev.sietch.store.StoreSettings.of(db))) {
            store.engineVersion(); // opened: brought to this version's schema
        } catch (RuntimeException e) {
            throw new BackupException("restored, but the restored database cannot be opened: " + e.getMessage() + where);
        }
        DatabaseFile.Check restored = DatabaseFile.check(db);
        if (!restored.sound()) {
            throw new BackupException("restored, but the restored database failed its integrity check: "
                    + String.join("; ", restored.problems()) + where);
        }
        return new Restored(setAside, restored);
    }

    /** Folds the WAL into the database file (a database nobody else has open: the caller holds its lock). */
    private static void checkpoint(Path db) throws BackupException {
        try {
            DatabaseFile.checkpoint(db);
        } catch (dev.sietch.store.StoreException e) {
            throw new BackupException(e.getMessage() + "; nothing changed");
        }
    }

    private static InputStream open(Path backup) throws IOException {
        InputStream in = Files.newInputStream(backup);
        in = new java.io.BufferedInputStream(in);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static void gzip(Path snapshot, Path partial, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = Files.newInputStream(snapshot);
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC), 1 << 16)) {
            in.transferTo(out);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw e;
        }
        move(partial, target);
    }

    private static void link(Path link, Path target) throws IOException {
        Path fresh = link.resolveSibling(link.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, target);
        move(fresh, link);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * {@code .tmp/} in the repository, kept out of git (the repository's own exclude file) and
     * cleared of what an interrupted backup left there more than an hour ago.
     */
    private static Path temporaryDirectory(Path root) throws BackupException {
        Path work = root.resolve(".tmp");
        try {
            Files.createDirectories(work);
            Path exclude = root.resolve(".git/info/exclude");
            Files.createDirectories(exclude.getParent());
            String excluded = Files.exists(exclude) ? Files.readString(exclude) : "";
            if (!excluded.lines().anyMatch("/.tmp/"::equals)) {
                Files.writeString(exclude, (excluded.isEmpty() || excluded.endsWith("\n") ? excluded : excluded + "\n")
                        + "/.tmp/\n");
            }
            Instant stale = Instant.now().minus(Duration.ofHours(1));
            try (Stream<Path> left = Files.list(work)) {
                for (Path file : left.toList()) {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new BackupException("cannot prepare " + work + ": " + e.getMessage());
        }
        return work;
    }

    /** Deletes snapshots taken before {@code cutoff} (by the time in their name), never {@code keep}. */
    private static List<Path> prune(Path root, Instant cutoff, Path keep) throws BackupException {
        Path backups = root.resolve("backups");
        List<Path> pruned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(backups)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (!name.matches() || file.equals(keep)) {
                    continue;
                }
                Instant taken = LocalDateTime.parse(name.group(1), NAME_TIME).toInstant(ZoneOffset.UTC);
                if (taken.isBefore(cutoff)) {
                    Files.delete(file);
                    pruned.add(root.relativize(file));
                }
            }
            try (Stream<Path> dirs = Files.walk(backups)) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                    if (!dir.equals(backups) && isEmpty(dir)) {
                        Files.delete(dir);
                    }
                }
            }
        } catch (IOException e) {
            throw new BackupException("cannot apply the retention in " + backups + ": " + e.getMessage());
        }
        return pruned;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left in .tmp/, which git ignores; a later backup deletes it after an hour
        }
    }
}
