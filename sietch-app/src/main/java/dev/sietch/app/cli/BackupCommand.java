package dev.sietch.app.cli;

import dev.sietch.app.backup.BackupException;
import dev.sietch.app.backup.Backups;
import dev.sietch.app.config.ConfigResult;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.store.SqliteStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sietch backup}: an online snapshot of the database into the backup repository. */
@Command(name = "backup", description = {
        "Take an online snapshot of the database (the service may keep running), check it, gzip it into the "
                + "backup git repository (backups/YYYY/MM/, backups/latest.db.gz), drop snapshots past the "
                + "retention, commit, and push when the repository has a remote.",
        "Exit 0: backed up. 1: no backup. 3: backed up and committed, but not pushed (or not recorded)."})
final class BackupCommand implements Callable<Integer> {

    /** Backed up and committed, but not pushed or not recorded: the data is safe, something needs a look. */
    static final int EXIT_INCOMPLETE = 3;

    @ParentCommand
    SietchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "The backup repository (default: sietch.backup.directory, BACKUP_DIR).")
    Path directory;

    @Option(names = "--no-push", description = "Do not push, even when the repository has a remote.")
    boolean noPush;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ConfigResult.Valid> config = parent.sqliteConfig(err,
                "back it up with pg_dump -Fc (README, Operations).");
        if (config.isEmpty()) {
            return SietchCommand.EXIT_CONFIG;
        }
        SietchSettings settings = config.get().settings();
        Path database = settings.store().databasePath();
        if (!Files.isRegularFile(database)) {
            err.println("No database at " + database.toAbsolutePath() + " (DATABASE_PATH); nothing to back up.");
            return 1;
        }
        SietchSettings.Backup backup = settings.backup();
        Path repository = directory != null ? directory : backup.directory();
        PrintWriter out = spec.commandLine().getOut();
        try (var store = SqliteStore.open(settings.store())) {
            Backups.Result result = Backups.take(store, repository, backup.retention(), backup.push() && !noPush,
                    Clock.systemUTC());
            out.printf("Backed up %s to %s (%d bytes, integrity ok)%n", database.toAbsolutePath().normalize(),
                    repository.toAbsolutePath().normalize().resolve(result.file()), result.bytes());
            result.pruned().forEach(file -> out.println("  removed (older than the retention): " + file));
            result.pushedTo().ifPresent(remote -> out.println("  pushed to " + remote));
            result.pushFailure().ifPresent(failure -> err.println("Backup kept and committed, but not pushed: " + failure));
            result.recordFailure().ifPresent(failure -> err.println("Backup kept and committed, but " + failure));
            return result.pushFailure().isPresent() || result.recordFailure().isPresent() ? EXIT_INCOMPLETE : 0;
        } catch (BackupException e) {
            err.println("Backup failed: " + e.getMessage());
            return 1;
        }
    }
}
