package dev.sietch.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The operations files' checks run the real tools (caddy, systemd-analyze, shellcheck, promtool,
 * the node exporter, fail2ban-regex, node). {@code .ci/run} installs them, so under CI a missing
 * tool fails the test; elsewhere the test is reported as skipped, with the tool named.
 */
final class DeployTools {

    private DeployTools() {}

    /** The repository's root (the tests run in {@code sietch-app}). */
    static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve(".ci/run"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }

    /** The tool's path; a missing tool fails under CI and skips the test elsewhere. */
    static String require(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        String message = tool + " is not installed (Debian package " + debianPackage + "; .ci/run installs it)";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** What a command printed (stdout and stderr together) and its exit code. */
    record Run(int exitCode, String output) {}

    static Run run(Path directory, Map<String, String> environment, String... command) throws Exception {
        return run(directory, environment, Duration.ofMinutes(3), command);
    }

    static Run run(Path directory, Map<String, String> environment, Duration timeout, String... command) throws Exception {
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path log = Files.createTempFile("sietch-tool", ".log");
        try {
            Process process = builder.redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Runs the command and fails with its output unless it exits 0. */
    static String ok(Path directory, Map<String, String> environment, String... command) throws Exception {
        Run run = run(directory, environment, command);
        assertThat(run.exitCode()).as(String.join(" ", command) + " printed:\n" + run.output()).isZero();
        return run.output();
    }

    /** The series names a node exporter (Debian's prometheus-node-exporter) exposes on this machine. */
    static Set<String> nodeExporterSeries() throws Exception {
        String exporter = require("prometheus-node-exporter", "prometheus-node-exporter");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(exporter, "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (true) {
                try {
                    var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                                .map(line -> line.split("[{ ]", 2)[0])
                                .collect(Collectors.toCollection(TreeSet::new));
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                assertThat(process.isAlive()).as("the node exporter exited").isTrue();
                assertThat(Instant.now()).as("the node exporter did not answer within 30 s").isBefore(deadline);
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Files under {@code dir} (relative to the repository) whose names end with {@code suffix}. */
    static List<Path> files(String dir, String suffix) throws IOException {
        try (var walk = Files.walk(repository().resolve(dir))) {
            return new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList());
        }
    }
}
