package dev.sietch.app.cli;

import dev.sietch.app.Logging;
import dev.sietch.app.Service;
import dev.sietch.app.config.ConfigResult;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.http.HttpSettings;
import dev.sietch.store.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The training workload for the JVM's ahead-of-time cache ({@code bin/sietch aot-cache} runs it
 * with {@code -XX:AOTCacheOutput}): starts the service on a free loopback port with a scratch
 * database, calls its routes, and stops. Classes loaded and linked here are loaded from the cache
 * at later starts.
 */
@Command(name = "aot-training", hidden = true, description = "Workload for bin/sietch aot-cache.")
final class AotTrainingCommand implements Callable<Integer> {

    private static final List<String> ROUTES = List.of("/health", "/metrics", "/eligibility",
            "/eligibility/0x0000000000000000000000000000000000000001", "/eligibility/0xnot-an-address", "/not-a-route",
            "/openapi.json", "/api/threshold", "/api/naib", "/api/directory?page=1", "/api/leaderboard", "/api/badges",
            "/api/waitlist/status/0x0000000000000000000000000000000000000001", "/admin/health");

    @ParentCommand
    SietchCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<ConfigResult.Valid> config = parent.validConfig(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return SietchCommand.EXIT_CONFIG;
        }
        var valid = config.get();
        Path scratch = Files.createTempDirectory("sietch-aot-training");
        try {
            SietchSettings settings = new SietchSettings(
                    new HttpSettings("127.0.0.1", 0),
                    StoreSettings.of(scratch.resolve("training.db")),
                    valid.settings().chain(),
                    valid.settings().discord(),
                    valid.settings().sync(),
                    valid.settings().ranking(),
                    valid.settings().log(),
                    valid.settings().verify(),
                    valid.settings().social());
            Logging.apply(settings.log());
            try (Service service = Service.start(settings, Clock.systemUTC())) {
                HttpClient client = HttpClient.newHttpClient();
                for (int round = 0; round < 3; round++) {
                    for (String route : ROUTES) {
                        URI uri = URI.create("http://127.0.0.1:" + service.httpAddress().getPort() + route);
                        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                    }
                }
            }
            return 0;
        } finally {
            deleteRecursively(scratch);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
