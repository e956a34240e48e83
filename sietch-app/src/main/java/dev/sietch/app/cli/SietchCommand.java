package dev.sietch.app.cli;

import dev.sietch.app.config.ConfigResult;
import dev.sietch.app.config.SietchConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sietch}: the top-level command. */
@Command(
        name = "sietch",
        mixinStandardHelpOptions = true,
        versionProvider = SietchCommand.Version.class,
        description = "Sietch: BGT-holder ranking, eligibility API and Discord bot.",
        subcommands = {ServeCommand.class, SyncCommand.class, DoctorCommand.class, MemberTokenCommand.class,
                BackupCommand.class, RestoreCommand.class, ImportLegacyCommand.class, MigrateStoreCommand.class,
                AotTrainingCommand.class,
                CommandLine.HelpCommand.class})
public final class SietchCommand {

    /** Exit code for invalid configuration (as sysexits' EX_CONFIG would be 78; 2 is kept short and distinct). */
    static final int EXIT_CONFIG = 2;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The application.conf to read (default: conf/application.conf of the installation, if present).")
    Path config;

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args) {
        var commandLine = new CommandLine(new SietchCommand());
        return commandLine.execute(args);
    }

    /** The explicit --config file, else the installation's conf/application.conf if it exists. */
    Optional<Path> configFile() {
        if (config != null) {
            return Optional.of(config);
        }
        String home = System.getProperty("sietch.home");
        if (home != null) {
            Path installed = Path.of(home, "conf", "application.conf");
            if (Files.isRegularFile(installed)) {
                return Optional.of(installed);
            }
        }
        return Optional.empty();
    }

    /** Where configuration is read from (tests give their own). */
    Map<String, String> environment = System.getenv();
    Properties systemProperties = System.getProperties();

    ConfigResult loadConfig() {
        return loadConfig(environment, systemProperties);
    }

    ConfigResult loadConfig(Map<String, String> environment, Properties properties) {
        return SietchConfig.load(configFile(), environment, properties);
    }

    /** The valid configuration, or empty after printing its problems to {@code err}. */
    Optional<ConfigResult.Valid> validConfig(PrintWriter err) {
        return switch (loadConfig()) {
            case ConfigResult.Valid valid -> Optional.of(valid);
            case ConfigResult.Invalid invalid -> {
                printProblems(err, invalid);
                yield Optional.empty();
            }
        };
    }

    /**
     * The valid configuration for a command that works on the SQLite file, or empty after printing
     * the problems, or after saying what to do instead when the store is PostgreSQL ({@code instead}).
     */
    Optional<ConfigResult.Valid> sqliteConfig(PrintWriter err, String instead) {
        Optional<ConfigResult.Valid> config = validConfig(err);
        if (config.isPresent() && config.get().settings().database().postgres().isPresent()) {
            err.println("This command works on the SQLite database; DATABASE_URL names PostgreSQL: " + instead);
            err.flush();
            return Optional.empty();
        }
        return config;
    }

    /**
     * The database's lock for a command that must not run beside the service (restore, import), or
     * empty after telling the operator to stop the service; {@code refused} starts that message.
     */
    static Optional<dev.sietch.app.InstanceLock> lockStoppedService(Path database, PrintWriter err, String refused) {
        Optional<dev.sietch.app.InstanceLock> lock;
        try {
            lock = dev.sietch.app.InstanceLock.tryAcquire(database);
        } catch (java.io.UncheckedIOException e) {
            err.println(refused + ": " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
            return Optional.empty();
        }
        if (lock.isEmpty()) {
            err.println(refused + ": " + dev.sietch.app.InstanceLock.heldMessage(database)
                    + "; stop it first (systemctl stop sietch).");
        }
        return lock;
    }

    static void printProblems(PrintWriter err, ConfigResult.Invalid invalid) {
        err.println("Invalid configuration:");
        invalid.problems().forEach(problem -> err.println("  " + problem));
        err.flush();
    }

    /** The version of the dev.sietch.app module (set by the build), with the Java runtime's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sietch " + sietchVersion(), "java " + Runtime.version()};
        }
    }

    public static String sietchVersion() {
        return SietchCommand.class.getModule().getDescriptor() != null
                ? SietchCommand.class.getModule().getDescriptor().rawVersion().orElse("unknown")
                : Optional.ofNullable(SietchCommand.class.getPackage().getImplementationVersion()).orElse("dev");
    }
}
