package dev.sietch.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sietch.app.Service;
import dev.sietch.app.config.ConfigResult;
import dev.sietch.app.config.SietchConfig;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.chain.testkit.Anvil;
import dev.sietch.chain.testkit.Scenario;
import dev.sietch.chain.testkit.TestChain;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.http.HttpSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the Grafana dashboard and the Prometheus alert rules in {@code deploy/monitoring}
 * query is exposed by a running Sietch (chain, Discord and HTTP all in use, one RPC endpoint
 * down) or, for {@code node_*}, by a running node exporter, so no panel or rule queries a
 * metric that does not exist.
 */
final class MonitoringConfigTest {

    private static final long GUILD = 800_000_000_000_000_077L;
    /** PromQL words that are not metric names. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "offset", "bool", "and", "or", "unless", "atan2", "sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_:.])[A-Za-z_:][A-Za-z0-9_:]*");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyQueriedMetricIsExposed() throws Exception {
        List<String> ruleExpressions = ruleExpressions();
        List<String> dashboardExpressions = dashboardExpressions();
        Set<String> queried = new TreeSet<>();
        ruleExpressions.forEach(expr -> queried.addAll(metricNames(expr)));
        dashboardExpressions.forEach(expr -> queried.addAll(metricNames(expr)));
        // the extraction cannot quietly find nothing
        assertThat(ruleExpressions).hasSizeGreaterThanOrEqualTo(10);
        assertThat(dashboardExpressions).hasSizeGreaterThanOrEqualTo(30);
        assertThat(queried).contains("up", "sietch_last_successful_query_timestamp", "node_memory_MemAvailable_bytes",
                "sietch_backup_last_success_timestamp_seconds");

        Set<String> sietch = sietchSeries();
        Set<String> node = DeployTools.nodeExporterSeries();
        List<String> missing = new ArrayList<>();
        for (String name : queried) {
            boolean exposed = name.equals("up") // Prometheus's own, for every target
                    || (name.startsWith("node_") ? node.contains(name) : sietch.contains(name));
            if (!exposed) {
                missing.add(name);
            }
        }
        assertThat(missing).as("queried by deploy/monitoring but exposed by nothing").isEmpty();
    }

    @Test
    void theExtractionTellsMetricsFromPromQlWords() {
        assertThat(metricNames("sum by (job, route) (rate(sietch_http_requests_total{status=~\"5..\"}[$__rate_interval]))"
                + " / ignoring(status) group_left sum without (x) (rate(sietch_http_requests_total[5m] offset 1h)) > bool 1e3"))
                .containsExactly("sietch_http_requests_total");
        assertThat(metricNames("histogram_quantile(0.95, sum by (le) (rate(sietch_http_request_duration_seconds_bucket[5m])))"
                + " and on (instance) time() - process_start_time_seconds > 13 * 3600"))
                .containsExactlyInAnyOrder("sietch_http_request_duration_seconds_bucket", "process_start_time_seconds");
        assertThat(metricNames("max without (endpoint) (sietch_rpc_endpoint_up) == 0 unless absent(up{job=\"sietch\"})"))
                .containsExactlyInAnyOrder("sietch_rpc_endpoint_up", "up");
    }

    /** Metric names in a PromQL expression: what is left after strings, matchers, ranges, label lists and words go. */
    static Set<String> metricNames(String expression) {
        String e = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`", "\"\"");
        e = e.replaceAll("\\{[^}]*}", " ");
        e = e.replaceAll("\\[[^]]*]", " ");
        e = e.replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        e = e.replaceAll("\\$\\{?\\w+}?", " ");
        e = e.replaceAll("(?i)\\boffset\\s+-?[0-9a-z]+", " ");
        Set<String> names = new TreeSet<>();
        Matcher token = IDENTIFIER.matcher(e);
        while (token.find()) {
            String word = token.group();
            String rest = e.substring(token.end()).stripLeading();
            if (rest.startsWith("(") || KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            names.add(word);
        }
        return names;
    }

    private static List<String> ruleExpressions() throws Exception {
        JsonNode rules = new YAMLMapper().readTree(DeployTools.repository()
                .resolve("deploy/monitoring/prometheus/rules/sietch.yml").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                assertThat(rule.hasNonNull("expr")).as(rule.toString()).isTrue();
                expressions.add(rule.get("expr").asText());
            }
        }
        return expressions;
    }

    private static List<String> dashboardExpressions() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DeployTools.repository()
                .resolve("deploy/monitoring/grafana/dashboards/sietch.json").toFile());
        List<String> expressions = new ArrayList<>();
        collect(dashboard, expressions);
        return expressions;
    }

    private static void collect(JsonNode node, List<String> expressions) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("expr") && entry.getValue().isTextual()) {
                    expressions.add(entry.getValue().asText());
                } else {
                    collect(entry.getValue(), expressions);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, expressions));
        }
    }

    /** The series names of a Sietch that synced from a chain (with one RPC endpoint down) and runs its bot. */
    private Set<String> sietchSeries() throws Exception {
        try (Anvil anvil = Anvil.start(); var discord = new FakeDiscord(GUILD)) {
            TestChain chain = TestChain.deploy(anvil, 1);
            new Scenario(chain, 10).play(3, 7);
            discord.addTextChannel("the-door");
            String vaults = chain.polVaults().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
            Path config = Files.writeString(dir.resolve("sietch.conf"), """
                    sietch.store.path = "%s"
                    sietch.chain {
                      rpc-urls = ["http://127.0.0.1:%d", "%s"]
                      bgt-address = "%s"
                      vaults = [ %s ]
                      confirmations = 0
                      request-timeout = 5s
                      retry-delay = 50ms
                    }
                    sietch.discord {
                      token = "%s"
                      guild-id = "%d"
                      rest-url = "%s"
                      gateway-url = "%s"
                    }
                    """.formatted(dir.resolve("sietch.db"), freePort(), anvil.rpcUrl(), chain.bgt(), vaults,
                    FakeDiscord.TOKEN, GUILD, discord.restUrl(), discord.gatewayUrl()));
            var result = SietchConfig.load(Optional.of(config), Map.of(), new Properties());
            assertThat(result).isInstanceOf(ConfigResult.Valid.class);
            SietchSettings configured = ((ConfigResult.Valid) result).settings();
            var settings = new SietchSettings(new HttpSettings("127.0.0.1", 0), configured.store(), configured.chain(),
                    configured.discord(), configured.sync(), configured.ranking(), configured.log(), configured.verify(),
                    configured.social());
            try (var service = Service.start(settings, Clock.systemUTC())) {
                String base = "http://127.0.0.1:" + service.httpAddress().getPort();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                Set<String> series = Set.of();
                while (Instant.now().isBefore(deadline)) {
                    // GC pause timers appear with the first collection the JVM reports
                    System.gc();
                    get(base + "/eligibility");
                    get(base + "/no-such-route");
                    String metrics = get(base + "/metrics");
                    series = metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                            .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
                    if (service.discordConnected() && metrics.contains("sietch_rpc_errors_total")
                            && metrics.contains("jvm_gc_pause_seconds_count")
                            && !metrics.contains("sietch_last_successful_query_timestamp 0.0")) {
                        return series;
                    }
                    TimeUnit.MILLISECONDS.sleep(200);
                }
                throw new AssertionError("the service did not sync, connect and meet a dead endpoint within 60 s; "
                        + "series: " + series);
            }
        }
    }

    private String get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
