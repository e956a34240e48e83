package dev.sietch.app.cli;

import dev.sietch.app.InstanceLock;
import dev.sietch.app.config.ConfigResult;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.usecase.Pictures;
import dev.sietch.store.LegacyImport;
import dev.sietch.store.Store;
import dev.sietch.store.StoreException;
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

/** {@code sietch import-legacy PATH}: brings a sietch-service (TypeScript) database over. */
@Command(name = "import-legacy", description = {
        "Import a database of the TypeScript predecessor (sietch-service's data/sietch.db) into this one, which "
                + "must hold no community data yet, in one transaction. The service must be stopped. The "
                + "predecessor's file is only read.",
        "Exit 0: imported (rows that could not be represented are listed). 1: nothing imported."})
final class ImportLegacyCommand implements Callable<Integer> {

    @ParentCommand
    SietchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The predecessor's SQLite database.")
    Path legacy;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ConfigResult.Valid> config = parent.sqliteConfig(err,
                "import into SQLite (DATABASE_URL unset), then copy with sietch migrate-store.");
        if (config.isEmpty()) {
            return SietchCommand.EXIT_CONFIG;
        }
        SietchSettings settings = config.get().settings();
        Path database = settings.store().databasePath();
        Optional<InstanceLock> lock = SietchCommand.lockStoppedService(database, err, "Not imported");
        if (lock.isEmpty()) {
            return 1;
        }
        var pictures = new Pictures(settings.verify().publicUrl(settings.http()), Optional.empty());
        PrintWriter out = spec.commandLine().getOut();
        try (InstanceLock held = lock.get(); var store = Store.sqlite(settings.store())) {
            LegacyImport.Report report = store.importLegacy(legacy,
                    new LegacyImport.Options(id -> pictures.avatarUrl(new MemberId(id))),
                    Clock.systemUTC().instant());
            out.printf("Imported %s into %s: %d of %d rows%n", legacy, database.toAbsolutePath().normalize(),
                    report.imported(), report.read());
            for (LegacyImport.Table table : report.tables()) {
                out.printf("  %-24s -> %-24s %5d of %d%n", table.from(), table.to(), table.imported(), table.read());
                table.notes().forEach(note -> out.println("      " + note));
            }
            report.skipped().forEach(skipped -> out.println("  not imported: " + skipped));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | StoreException e) {
            err.println("Not imported: " + e.getMessage());
            return 1;
        }
    }
}
