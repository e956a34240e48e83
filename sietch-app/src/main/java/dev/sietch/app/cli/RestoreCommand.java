package dev.sietch.app.cli;

import dev.sietch.app.InstanceLock;
import dev.sietch.app.backup.BackupException;
import dev.sietch.app.backup.Backups;
import dev.sietch.app.config.ConfigResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sietch restore FILE}: replaces the database with a backup, with the service stopped. */
@Command(name = "restore", description = {
        "Replace the database with a backup (a .db.gz from `sietch backup`, or a plain SQLite file). The service "
                + "must be stopped. The backup is checked (integrity_check) before anything changes; the database it "
                + "replaces is kept beside it as <database>.before-restore-<time>.",
        "Exit 0: restored. 1: nothing changed (or, if said so, the previous database was set aside)."})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    SietchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup to restore, e.g. backups/latest.db.gz.")
    Path backup;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ConfigResult.Valid> config = parent.sqliteConfig(err,
                "restore its backup (backups/latest.pgdump) with pg_restore, every instance stopped (README).");
        if (config.isEmpty()) {
            return SietchCommand.EXIT_CONFIG;
        }
        Path database = config.get().settings().store().databasePath();
        Optional<InstanceLock> lock = SietchCommand.lockStoppedService(database, err, "Not restored");
        if (lock.isEmpty()) {
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (InstanceLock held = lock.get()) {
            Backups.Restored restored = Backups.restore(backup, database, Clock.systemUTC());
            out.printf("Restored %s from %s%n", database.toAbsolutePath().normalize(), backup);
            restored.setAside().ifPresent(aside -> out.println("  the database it replaced: " + aside));
            out.printf("  integrity_check: ok; schema version %s%n", restored.check().schemaVersion().orElse("?"));
            restored.check().rowCounts().forEach((table, rows) -> {
                if (!table.startsWith("flyway_")) {
                    out.printf("  %-26s %d%n", table, rows);
                }
            });
            return 0;
        } catch (BackupException e) {
            err.println("Not restored: " + e.getMessage());
            return 1;
        }
    }
}
