package dev.sietch.app.cli;

import dev.sietch.app.backup.BackupException;
import dev.sietch.app.backup.Backups;
import dev.sietch.app.config.ConfigResult;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.store.PostgresDatabase;
import dev.sietch.store.Store;
import dev.sietch.store.StoreException;
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
        "On PostgreSQL (DATABASE_URL): the same with pg_dump's custom format (backups/latest.pgdump), checked "
                + "with pg_restore --list; PostgreSQL's client programs must be installed.",
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
        Optional<ConfigResult.Valid> config = parent.validConfig(err);
        if (config.isEmpty()) {
            return SietchCommand.EXIT_CONFIG;
        }
        SietchSettings settings = config.get().settings();
        SietchSettings.Backup backup = settings.backup();
        Path repository = directory != null ? directory : backup.directory();
        boolean pushing = backup.push() && !noPush;
        if (settings.database().postgres().isPresent()) {
            var postgres = settings.database().postgres().get();
            try (var database = PostgresDatabase.open(postgres);
                    var store = Store.postgres(database, Clock.systemUTC())) {
                Backups.Result result = Backups.takePostgres(store, postgres, repository, backup.retention(), pushing,
                        Clock.systemUTC());
                return report(result, postgres.jdbcUrl(), repository, "pg_dump, " + result.rowCounts().size()
                        + " tables listed by pg_restore");
            } catch (BackupException | StoreException e) {
                err.println("Backup failed: " + e.getMessage());
                return 1;
            }
        }
        Path database = settings.store().databasePath();
        if (!Files.isRegularFile(database)) {
            err.println("No database at " + database.toAbsolutePath() + " (DATABASE_PATH); nothing to back up.");
            return 1;
        }
        try (var store = Store.sqlite(settings.store())) {
            Backups.Result result = Backups.take(store, repository, backup.retention(), pushing, Clock.systemUTC());
            return report(result, database.toAbsolutePath().normalize().toString(), repository, "integrity ok");
        } catch (BackupException e) {
            err.println("Backup failed: " + e.getMessage());
            return 1;
        }
    }

    private int report(Backups.Result result, String source, Path repository, String checked) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf("Backed up %s to %s (%d bytes, %s)%n", source,
                repository.toAbsolutePath().normalize().resolve(result.file()), result.bytes(), checked);
        result.pruned().forEach(file -> out.println("  removed (older than the retention): " + file));
        result.pushedTo().ifPresent(remote -> out.println("  pushed to " + remote));
        result.pushFailure().ifPresent(failure -> err.println("Backup kept and committed, but not pushed: " + failure));
        result.recordFailure().ifPresent(failure -> err.println("Backup kept and committed, but " + failure));
        return result.pushFailure().isPresent() || result.recordFailure().isPresent() ? EXIT_INCOMPLETE : 0;
    }
}
