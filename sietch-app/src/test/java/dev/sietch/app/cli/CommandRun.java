package dev.sietch.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/** Runs {@code sietch …} in the test's JVM with the given configuration properties and no environment. */
final class CommandRun {

    final Properties properties = new Properties();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs the command line; {@link #out} and {@link #err} then hold what this run printed. */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        var command = new SietchCommand();
        command.environment = Map.of();
        command.systemProperties = properties;
        var commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
