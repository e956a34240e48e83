package dev.sietch.app.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A program of the host the backups run (git, pg_dump, pg_restore), with a time limit. */
final class HostCommand {

    private HostCommand() {}

    /** What a command printed (both streams) and how it ended; exit -1 when it ran out of time. */
    record Outcome(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command} with no input, in {@code directory} (the current one when null), with
     * {@code environment} added to this process's.
     *
     * @throws IOException if the program cannot be started (not installed)
     */
    static Outcome run(List<String> command, @Nullable Path directory, Map<String, String> environment,
            Duration timeout) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        // output goes to a file, so a command that hangs cannot block the read past the time limit
        Path log = Files.createTempFile("sietch-" + Path.of(command.getFirst()).getFileName(), ".log");
        try {
            Process process = builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome(-1, "timed out after " + timeout.toSeconds() + " s");
            }
            return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
