package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped image, unpacked from its tarball and started as an operator would: {@code bin/sietch}
 * with an environment that has no {@code java} on PATH and no JAVA_HOME.
 */
final class ImageIT {

    @TempDir
    static Path root;

    private static Path home;
    private static Path emptyPath;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void unpack() throws Exception {
        home = ShippedImage.unpack(root);
        emptyPath = Files.createDirectories(root.resolve("empty-path"));
    }

    @Test
    void servesHealthAndMetrics_withNoJavaOnPath_andStopsOnSigterm() throws Exception {
        // given
        int port = freePort();
        Path work = Files.createDirectories(root.resolve("work-serve"));
        Path log = work.resolve("out.log");

        // when
        Process process = sietch(work, log, Map.of("API_PORT", String.valueOf(port), "LOG_FORMAT", "json",
                "DATABASE_PATH", "state/db/sietch.db"), "serve");
        try {
            HttpResponse<String> health = awaitHealth(process, port, log);

            // then
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"healthy\",\"last_successful_query\":null,");
            HttpResponse<String> metrics = get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes", "process_uptime_seconds", "jvm_gc_");
            assertThat(work.resolve("state/db/sietch.db")).exists();
        } finally {
            process.destroy(); // SIGTERM
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{"));
        assertThat(String.join("\n", lines))
                .contains("\"formattedMessage\":\"HTTP API listening on 127.0.0.1:" + port + " (")
                .contains("Chain: not connected", "Discord: not connected", "Sietch stopped");
    }

    @Test
    void backsUpWhileServing_oneServePerDatabase_andRestoresOnceStopped() throws Exception {
        int port = freePort();
        Path work = Files.createDirectories(root.resolve("work-backup"));
        Path log = work.resolve("serve.log");
        Map<String, String> database = Map.of("DATABASE_PATH", "data/sietch.db");
        Process process = sietch(work, log, Map.of("API_PORT", String.valueOf(port), "DATABASE_PATH", "data/sietch.db"),
                "serve");
        try {
            awaitHealth(process, port, log);

            Process second = sietch(work, work.resolve("second.log"), Map.of("API_PORT", String.valueOf(freePort()),
                    "DATABASE_PATH", "data/sietch.db"), "serve");
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(Files.readString(work.resolve("second.log"))).contains("Not started: Sietch is running on");

            // git from the system's PATH, as the backup unit gives it
            Path backupLog = work.resolve("backup.log");
            Process backup = sietch(work, backupLog, Map.of("DATABASE_PATH", "data/sietch.db", "BACKUP_DIR", "backups",
                    "PATH", "/usr/bin:/bin"), "backup");
            assertThat(backup.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(backup.exitValue()).as(Files.readString(backupLog)).isZero();
            assertThat(Files.readString(backupLog)).contains("integrity ok");
            assertThat(work.resolve("backups/backups/latest.db.gz")).isSymbolicLink();
            assertThat(get(port, "/metrics").body()).containsPattern(
                    "(?m)^sietch_backup_last_success_timestamp_seconds [1-9]");

            Path refusedLog = work.resolve("refused.log");
            Process refused = sietch(work, refusedLog, database, "restore", "backups/backups/latest.db.gz");
            assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).isEqualTo(1);
            assertThat(Files.readString(refusedLog)).contains("stop it first");
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();

        Path restoreLog = work.resolve("restore.log");
        Process restore = sietch(work, restoreLog, database, "restore", "backups/backups/latest.db.gz");
        assertThat(restore.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(restore.exitValue()).as(Files.readString(restoreLog)).isZero();
        assertThat(Files.readString(restoreLog)).contains("integrity_check: ok", "backup_run");
    }

    @Test
    void doctorReportsEveryLibraryLoaded() throws Exception {
        Path work = Files.createDirectories(root.resolve("work-doctor"));
        Path out = work.resolve("out.log");

        Process process = sietch(work, out, Map.of(), "doctor");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String report = Files.readString(out);
        assertThat(process.exitValue()).as(report).isZero();
        for (String library : List.of("JDA", "OkHttp", "web3j", "sqlite-jdbc", "Jdbi", "Flyway", "Undertow", "Jackson",
                "Micrometer", "Micrometer Prometheus", "Typesafe Config", "picocli", "SLF4J", "Logback")) {
            assertThat(report).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(library) + " +\\d\\S* .* ok$");
        }
        assertThat(report).contains("Module graph:", "Configuration: ok", "Doctor: ok");
    }

    @Test
    void syncsOnceFromAnEventFile_onTheModulePath() throws Exception {
        Path work = Files.createDirectories(root.resolve("work-sync"));
        Files.writeString(work.resolve("events.csv"), """
                claim,10,0xa1,0,0x52908400098527886E0F7030069857D2E4169EE7,5000000000000000000000
                claim,11,0xa2,0,0x0000000000000000000000000000000000000002,3000000000000000000000
                burn,12,0xa3,0,0x0000000000000000000000000000000000000003,1
                """);
        Path out = work.resolve("out.log");

        Process process = sietch(work, out, Map.of("SIETCH_EVENTS_FILE", "events.csv"), "sync", "--once");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Synced: sync #1, ledger at block 12", "ranked 2 wallets, 2 members",
                "bootstrap: first sync");
    }

    @Test
    void refusesToStart_onInvalidConfiguration_withoutShowingSecrets() throws Exception {
        Path work = Files.createDirectories(root.resolve("work-invalid"));
        Path out = work.resolve("out.log");

        Process process = sietch(work, out, Map.of("API_PORT", "70000", "DISCORD_BOT_TOKEN", "tok-very-secret",
                "DISCORD_GUILD_ID", "not-a-number"), "serve");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("sietch.http.port (from API_PORT): must be between 1 and 65535, was 70000");
        assertThat(output).contains("sietch.discord.guild-id (from DISCORD_GUILD_ID)");
        assertThat(output).doesNotContain("tok-very-secret");
        assertThat(work.resolve("data")).doesNotExist();
    }

    @Test
    void buildsAnAheadOfTimeCache_thatTheJvmThenUses_andIgnoresItOnceMoved() throws Exception {
        // given: a private copy of the installation
        Path install = root.resolve("aot-install");
        Files.createDirectories(install);
        run(List.of("tar", "-xzf", System.getProperty("sietch.image.tarball"), "-C", install.toString()));
        Path image = install.resolve(System.getProperty("sietch.image.name"));
        Path work = Files.createDirectories(root.resolve("work-aot"));
        assertThat(image.resolve("runtime/sietch.aot")).doesNotExist(); // not shipped: it is path-bound

        // when
        Process build = sietch(image, work, work.resolve("build.log"), Map.of(), "aot-cache");

        // then: -XX:AOTMode=on makes the JVM refuse to start unless it can use the cache
        assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(Files.readString(work.resolve("build.log"))).isZero();
        assertThat(image.resolve("runtime/sietch.aot")).isRegularFile();
        Process strict = sietch(image, work, work.resolve("strict.log"),
                Map.of("SIETCH_JAVA_OPTS", "-XX:AOTMode=on"), "--version");
        assertThat(strict.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(strict.exitValue()).as(Files.readString(work.resolve("strict.log"))).isZero();

        // and once the installation moves, the stale cache is left alone rather than reported
        Path moved = Files.move(image, install.resolve("moved"));
        Process afterMove = sietch(moved, work, work.resolve("moved.log"), Map.of(), "--version");
        assertThat(afterMove.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(afterMove.exitValue()).isZero();
        assertThat(Files.readString(work.resolve("moved.log"))).startsWith("sietch ").doesNotContain("aot");
    }

    private static Process sietch(Path work, Path output, Map<String, String> env, String... args) throws IOException {
        return sietch(home, work, output, env, args);
    }

    private static Process sietch(Path image, Path work, Path output, Map<String, String> env, String... args) throws IOException {
        var command = new java.util.ArrayList<String>();
        command.add(image.resolve("bin/sietch").toString());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", emptyPath.toString()); // nothing at all on PATH, so no java
        builder.environment().put("HOME", work.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private HttpResponse<String> awaitHealth(Process process, int port, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("sietch exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                return get(port, "/health");
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        return fail("no answer on /health within 60 s:\n" + Files.readString(log));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
