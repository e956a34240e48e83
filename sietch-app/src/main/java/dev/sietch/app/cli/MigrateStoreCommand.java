package dev.sietch.app.cli;

import dev.sietch.app.config.DatabaseUrl;
import dev.sietch.store.PostgresDatabase;
import dev.sietch.store.PostgresSettings;
import dev.sietch.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sietch migrate-store}: copies an SQLite deployment into PostgreSQL. */
@Command(name = "migrate-store", description = {
        "Copy a deployment's SQLite database into an empty PostgreSQL database (migrated first), every table in "
                + "one transaction, with the row counts compared. The SQLite file may be in use: one consistent "
                + "state of it is copied; stop the service first so that nothing is written after the copy.",
        "The password, if one is needed, comes from SIETCH_POSTGRES_PASSWORD, never from the command line.",
        "Exit 0: copied. 1: nothing copied. 2: bad arguments."})
final class MigrateStoreCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = DatabaseUrl.PASSWORD_VARIABLE;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    SietchCommand parent;

    @Option(names = "--from", required = true, paramLabel = "sqlite:PATH", description = "The SQLite database.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "postgresql://[USER@]HOST[:PORT]/DATABASE[?…]",
            description = "The PostgreSQL database (parameters such as currentSchema are passed on).")
    String to;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!from.startsWith("sqlite:") || from.length() == "sqlite:".length()) {
            err.println("--from: expected sqlite:PATH, was " + from);
            return SietchCommand.EXIT_CONFIG;
        }
        Path source = Path.of(from.substring("sqlite:".length()));
        PostgresSettings target;
        try {
            target = postgres(to, parent.environment);
        } catch (IllegalArgumentException e) {
            err.println("--to: " + e.getMessage());
            return SietchCommand.EXIT_CONFIG;
        }
        if (!java.nio.file.Files.isRegularFile(source)) {
            err.println("Not copied: " + source + ": no such file");
            return 1;
        }
        // the SQLite file at this version's schema first (as the service would bring it on its
        // next start): the copy takes its tables and columns as they are
        try (var sqlite = dev.sietch.store.Store.sqlite(dev.sietch.store.StoreSettings.of(source))) {
            sqlite.engineVersion();
        } catch (StoreException e) {
            err.println("Not copied: " + e.getMessage());
            return 1;
        }
        try (var database = PostgresDatabase.open(target)) {
            Map<String, Long> copied = database.copyFrom(source);
            out.printf("Copied %s into %s: %d tables, %d rows (counts compared)%n", source, target.jdbcUrl(),
                    copied.size(), copied.values().stream().mapToLong(Long::longValue).sum());
            copied.forEach((table, rows) -> out.printf("  %-26s %d%n", table, rows));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | StoreException e) {
            err.println("Not copied: " + e.getMessage());
            return 1;
        }
    }

    /** {@code postgresql://user@host:port/db?params} as pool settings; a password in the URL is refused. */
    static PostgresSettings postgres(String url, Map<String, String> environment) {
        if (!(DatabaseUrl.parse(url) instanceof DatabaseUrl.Postgres postgres)) {
            throw new IllegalArgumentException("expected postgresql://[USER@]HOST[:PORT]/DATABASE, was " + url);
        }
        return postgres.settings(environment.getOrDefault(PASSWORD_VARIABLE, ""), 4, Duration.ofSeconds(10));
    }
}
