package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.app.config.ConfigResult;
import dev.sietch.app.config.SietchConfig;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.http.HttpSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as serve runs it: with an event source configured, it syncs at start and on its interval. */
final class ServiceTest {

    @TempDir
    Path dir;

    @Test
    void syncsAtStartAndAgainOnItsInterval() throws Exception {
        // given
        Path events = Files.writeString(dir.resolve("events.csv"),
                "claim,10,0xa1,0,0x0000000000000000000000000000000000000001,5000000000000000000\n");
        var env = Map.of("SIETCH_EVENTS_FILE", events.toString(), "DATABASE_PATH", dir.resolve("s.db").toString());
        var properties = new Properties();
        properties.setProperty("sietch.sync.interval", "300ms");
        SietchSettings configured = ((ConfigResult.Valid) SietchConfig.load(Optional.empty(), env, properties)).settings();
        var settings = new SietchSettings(new HttpSettings("127.0.0.1", 0), configured.store(), configured.chain(),
                configured.discord(), configured.sync(), configured.ranking(), configured.log(), configured.verify(), configured.social());

        // when
        try (var service = Service.start(settings, Clock.systemUTC())) {
            String first = awaitHealth(service, body -> !body.contains("\"last_successful_query\":null"));
            // Collab.Land's check reads the ranking the sync committed to the store
            assertThat(get(service, "/eligibility/0x0000000000000000000000000000000000000001")).isEqualTo(
                    "{\"address\":\"0x0000000000000000000000000000000000000001\",\"eligible\":true,\"rank\":1,"
                    + "\"role\":\"naib\",\"bgt_held\":5}");
            Files.writeString(events, "burn,11,0xa2,0,0x0000000000000000000000000000000000000001,1\n",
                    java.nio.file.StandardOpenOption.APPEND);
            // then: a later run picks up the new line: the burn disqualifies the only wallet
            assertThat(first).contains("\"status\":\"healthy\"");
            awaitQuery(dir.resolve("s.db"), "SELECT max(ledger_block) FROM eligibility_sync", "11");
            assertThat(query(dir.resolve("s.db"), "SELECT count(*) FROM current_ranking")).isEqualTo("0");
            assertThat(query(dir.resolve("s.db"), "SELECT count(*) FROM outbox WHERE kind = 'member_removed'")).isEqualTo("1");
        }
    }

    @Test
    void metricsCarryThePredecessorsNamesAndRouteTemplates_andPassPromtool() throws Exception {
        // given: a service that has synced one wallet and answered a few requests
        Path events = Files.writeString(dir.resolve("events.csv"),
                "claim,10,0xa1,0,0x0000000000000000000000000000000000000001,5000000000000000000\n");
        var env = Map.of("SIETCH_EVENTS_FILE", events.toString(), "DATABASE_PATH", dir.resolve("s.db").toString());
        SietchSettings configured = ((ConfigResult.Valid) SietchConfig.load(Optional.empty(), env, new Properties())).settings();
        var settings = new SietchSettings(new HttpSettings("127.0.0.1", 0).withRateLimits(new HttpSettings.RateLimits(0, 0, 0)),
                configured.store(), configured.chain(), configured.discord(), configured.sync(), configured.ranking(),
                configured.log(), configured.verify(), configured.social());
        try (var service = Service.start(settings, Clock.systemUTC())) {
            awaitHealth(service, body -> !body.contains("\"last_successful_query\":null"));
            get(service, "/eligibility/0x0000000000000000000000000000000000000001");
            get(service, "/eligibility/0x00000000000000000000000000000000000000AB");
            get(service, "/no/such/route");

            // when
            String metrics = get(service, "/metrics");

            // then
            assertThat(metrics).contains("\nsietch_members_total 1\n", "\nsietch_naib_seats_total 7\n",
                    "\nsietch_grace_period_active 0.0\n", "# TYPE sietch_last_successful_query_timestamp gauge\n",
                    "\nsietch_leader 1.0\n", // SQLite: the one instance leads
                    "sietch_http_requests_total{method=\"GET\",route=\"/eligibility/{address}\",status=\"200\"} 2",
                    "sietch_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1",
                    "sietch_http_request_duration_seconds_bucket{method=\"GET\",route=\"/eligibility/{address}\",status=\"200\",le=\"0.005\"}");
            assertThat(metrics).doesNotContain("0x0000000000000000000000000000000000000001", "/no/such/route", "NaN");
            assertThat(PrometheusText.problems(metrics)).isEmpty();
            Optional<Path> promtool = java.util.stream.Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool")
                    .map(Path::of).filter(Files::isExecutable).findFirst();
            if (System.getenv("CI") != null) {
                assertThat(promtool).as("promtool (Debian package prometheus; .ci/run installs it)").isPresent();
            }
            if (promtool.isPresent()) {
                var process = new ProcessBuilder(promtool.get().toString(), "check", "metrics").redirectErrorStream(true).start();
                try (var in = process.getOutputStream()) {
                    in.write(metrics.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(process.waitFor()).as(output).isZero();
            }
        }
    }

    @Test
    void startsTheBotWhenATokenIsConfigured_andServesTheApiWhenDiscordRefusesIt() throws Exception {
        try (var discord = new dev.sietch.discord.fake.FakeDiscord(800_000_000_000_000_001L)) {
            discord.addTextChannel("general");
            for (String token : new String[] {dev.sietch.discord.fake.FakeDiscord.TOKEN, "a-wrong-token"}) {
                var env = Map.of("DATABASE_PATH", dir.resolve(token + ".db").toString(), "DISCORD_BOT_TOKEN", token,
                        "DISCORD_GUILD_ID", "800000000000000001", "DISCORD_REST_URL", discord.restUrl(),
                        "DISCORD_GATEWAY_URL", discord.gatewayUrl());
                SietchSettings configured = ((ConfigResult.Valid) SietchConfig.load(Optional.empty(), env, new Properties()))
                        .settings();
                var settings = new SietchSettings(new HttpSettings("127.0.0.1", 0), configured.store(), configured.chain(),
                        configured.discord(), configured.sync(), configured.ranking(), configured.log(), configured.verify(), configured.social());
                try (var service = Service.start(settings, Clock.systemUTC())) {
                    boolean valid = token.equals(dev.sietch.discord.fake.FakeDiscord.TOKEN);
                    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
                    while (valid && !service.discordConnected() && Instant.now().isBefore(deadline)) {
                        Thread.sleep(20);
                    }
                    assertThat(service.discordConnected()).as(token).isEqualTo(valid);
                    assertThat(get(service, "/health")).contains("\"status\":\"healthy\""); // the API serves either way
                }
            }
            assertThat(discord.calls("PUT", p -> p.endsWith("/commands"))).hasSize(1);
        }
    }

    @Test
    void inRolesModeSietchTheBotGivesALinkedNaibTheirRoleAfterTheSync() throws Exception {
        try (var discord = new dev.sietch.discord.fake.FakeDiscord(800_000_000_000_000_001L)) {
            discord.addTextChannel("general");
            var naib = discord.addRole("Naib");
            var fedaykin = discord.addRole("Fedaykin");
            long member = 700_000_000_000_000_001L;
            discord.addMember(member, "holder");
            Path db = dir.resolve("roles.db");
            try (var store = dev.sietch.store.Store.sqlite(dev.sietch.store.StoreSettings.of(db))) {
                store.walletLinks().link(new DiscordUserId(member),
                        dev.sietch.core.model.WalletAddress.of("0x0000000000000000000000000000000000000001"), Instant.now());
            }
            Path events = Files.writeString(dir.resolve("roles.csv"),
                    "claim,10,0xa1,0,0x0000000000000000000000000000000000000001,5000000000000000000\n");
            var env = Map.of("DATABASE_PATH", db.toString(), "SIETCH_EVENTS_FILE", events.toString(),
                    "DISCORD_BOT_TOKEN", dev.sietch.discord.fake.FakeDiscord.TOKEN, "DISCORD_GUILD_ID", "800000000000000001",
                    "DISCORD_REST_URL", discord.restUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl(),
                    "DISCORD_ROLES_MODE", "sietch", "DISCORD_ROLE_NAIB", Long.toString(naib.id()),
                    "DISCORD_ROLE_FEDAYKIN", Long.toString(fedaykin.id()));
            SietchSettings configured = ((ConfigResult.Valid) SietchConfig.load(Optional.empty(), env, new Properties()))
                    .settings();
            var settings = new SietchSettings(new HttpSettings("127.0.0.1", 0), configured.store(), configured.chain(),
                    configured.discord(), configured.sync(), configured.ranking(), configured.log(), configured.verify(), configured.social());

            try (var service = Service.start(settings, Clock.systemUTC())) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
                while (discord.member(member).orElseThrow().roles().isEmpty() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                assertThat(service.discordConnected()).isTrue();
                assertThat(discord.member(member).orElseThrow().roles()).containsExactly(naib.id());
            }
        }
    }

    @Test
    void prometheusTextCheckerFindsProblems() {
        // the fallback check must be able to fail
        assertThat(PrometheusText.problems("up 1\n")).containsExactly("line 1: sample before its TYPE: up");
        assertThat(PrometheusText.problems("# HELP a x\n# TYPE a gauge\na{b=\"c} 1\na 1\na 2\n"))
                .containsExactly("line 3: malformed labels: a{b=\"c} 1", "line 5: repeated series: a 2");
        assertThat(PrometheusText.problems("# HELP a x\n# TYPE a gauge\na one\n"))
                .containsExactly("line 3: value is not a number: a one");
    }

    private static String get(Service service, String path) throws Exception {
        var uri = URI.create("http://127.0.0.1:" + service.httpAddress().getPort() + path);
        return HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void awaitQuery(Path db, String sql, String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!expected.equals(query(db, sql))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(sql + " did not become " + expected + " within 20 s");
            }
            Thread.sleep(50);
        }
    }

    private static String query(Path db, String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String awaitHealth(Service service, java.util.function.Predicate<String> condition) throws Exception {
        var client = HttpClient.newHttpClient();
        var uri = URI.create("http://127.0.0.1:" + service.httpAddress().getPort() + "/health");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (condition.test(body)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within 20 s; last /health: " + body);
    }
}
