package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.discord.fake.FakeDiscord;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances of the shipped image on one PostgreSQL (the machine's, a schema of the test's
 * own): every one serves the API, one leads — syncs, runs the jobs, runs the Discord bot against
 * the fake Discord. The leader is killed (SIGKILL: no goodbye, its lease simply stops being
 * renewed); another takes over within the lease's bound, the sync goes on from the stored cursor,
 * and every announcement reaches Discord exactly once. Skipped, with the reason, where no
 * PostgreSQL is reachable.
 */
final class ClusterIT {

    private static final long GUILD = 800_000_000_000_000_001L;
    private static final long MEMBER = 700_000_000_000_000_007L;
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration RENEW = Duration.ofMillis(500);

    @TempDir
    static Path root;

    private static Path home;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void unpack() throws Exception {
        home = ShippedImage.unpack(root);
    }

    /** One {@code bin/sietch serve} process. */
    private record Instance(String name, Process process, int port, Path log) {

        String logText() {
            try {
                return Files.readString(log);
            } catch (java.io.IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    @Test
    void oneLeaderAmongThree_anotherTakesOverWhenItIsKilled_andEveryAnnouncementIsDeliveredOnce() throws Exception {
        String schema = TestPostgres.uniqueName("sietch_cluster_");
        TestPostgres.execute("CREATE SCHEMA " + schema);
        List<Instance> instances = new ArrayList<>();
        try (var discord = new FakeDiscord(GUILD)) {
            var theDoor = discord.addTextChannel("the-door");
            var census = discord.addTextChannel("census");
            discord.addMember(MEMBER, "stilgar");
            Path events = root.resolve("events.csv");
            Files.writeString(events, """
                    claim,10,0xa1,0,0x0000000000000000000000000000000000000001,5000000000000000000000
                    claim,11,0xa2,0,0x0000000000000000000000000000000000000002,3000000000000000000000
                    """);
            String url = "postgresql://postgres@" + TestPostgres.SERVER + "/test?currentSchema=" + schema;
            for (String name : List.of("a", "b", "c")) {
                instances.add(start(name, url, events, discord, theDoor.id(), census.id()));
            }

            // one leader; the bootstrap sync announces nothing, and the census shows it
            await(() -> leaders(instances).size() == 1, Duration.ofSeconds(60), instances);
            Instance first = leaders(instances).getFirst();
            await(() -> discord.messages(census.id()).size() == 1, Duration.ofSeconds(60), instances);
            assertThat(discord.messages(theDoor.id())).isEmpty();
            // every instance serves the API from the one database
            for (Instance instance : instances) {
                assertThat(get(instance, "/eligibility")).as(instance.name()).contains(
                        "0x0000000000000000000000000000000000000001", "0x0000000000000000000000000000000000000002");
            }

            // a new holder: the leader's next sync announces them
            Files.writeString(events, "claim,20,0xa3,0,0x0000000000000000000000000000000000000003,4000000000000000000000\n",
                    StandardOpenOption.APPEND);
            await(() -> discord.messages(theDoor.id()).size() == 2, Duration.ofSeconds(30), instances);

            // the leader dies without a word
            first.process().destroyForcibly();
            long killed = System.nanoTime();
            assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<Instance> alive = instances.stream().filter(i -> i != first).toList();
            await(() -> leaders(alive).size() == 1, LEASE.plus(RENEW).multipliedBy(4), instances);
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            Instance second = leaders(alive).getFirst();
            System.out.printf("Takeover after SIGKILL of the leader: %d ms (lease %s, renewed every %s)%n",
                    takeover.toMillis(), LEASE, RENEW);
            // the bound: the lease's life, one attempt, and this test's polling
            assertThat(takeover).isLessThanOrEqualTo(LEASE.plus(RENEW).plusSeconds(1));

            // the sync goes on from the stored cursor: the new holder alone is announced
            Files.writeString(events, "claim,30,0xa4,0,0x0000000000000000000000000000000000000004,1000000000000000000000\n",
                    StandardOpenOption.APPEND);
            await(() -> discord.messages(theDoor.id()).size() >= 4, Duration.ofSeconds(60), instances);
            Thread.sleep(3_000); // several more syncs: nothing is announced again
            List<String> announced = discord.messages(theDoor.id()).stream().map(Object::toString)
                    .map(json -> json.replaceAll("\"(id|timestamp|nonce)\":\"[^\"]*\",?", "")).toList();
            assertThat(announced).hasSize(4).doesNotHaveDuplicates();
            assertThat(discord.messages(census.id())).hasSize(1); // the new leader edits the same census
            await(() -> discord.messages(census.id()).getFirst().getArray("embeds").getObject(0).getObject("footer")
                    .getString("text").equals("Total Eligible: 4/69"), Duration.ofSeconds(10), instances);
            assertThat(discord.identifies()).as("one gateway session per leader").isEqualTo(2);

            try (Connection admin = TestPostgres.connect("test"); var rows = admin.createStatement().executeQuery(
                    "SELECT count(*) FILTER (WHERE delivered_at IS NULL), count(*) FROM " + schema + ".outbox")) {
                rows.next();
                assertThat(rows.getLong(1)).as("undelivered outbox rows").isZero();
            }
            String logs = instances.stream().map(Instance::logText).collect(Collectors.joining("\n"));
            // the jobs ran once, by the first leader: its successor found them done
            assertThat(occurrences(logs, "Job badge-check done")).isEqualTo(1);
            assertThat(occurrences(logs, "bootstrap: nothing announced")).isEqualTo(1);
            Instance third = alive.stream().filter(i -> i != second).findFirst().orElseThrow();
            assertThat(third.logText()).doesNotContain("Leading (").doesNotContain("Discord: connecting");

            // /verify answered by the leader's bot, the link completed through the other instance's API:
            // the leader confirms it by DM, once
            long interaction = discord.slashCommand(MEMBER, "verify");
            String reply = discord.awaitCall("POST", p -> p.startsWith("/api/v10/interactions/" + interaction + "/"),
                    Duration.ofSeconds(10)).json().getObject("data").getString("content");
            var link = java.util.regex.Pattern.compile("/verify/([0-9a-f]{32})").matcher(reply);
            assertThat(link.find()).as(reply).isTrue();
            String address = WalletLinkingTest.address(WalletLinkingTest.KEY_A);
            String text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    get(third, "/api/verify/" + link.group(1) + "/message?address=" + address)).get("message").asText();
            var linked = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + third.port() + "/api/verify/"
                            + link.group(1))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"" + address + "\",\"signature\":\""
                            + WalletLinkingTest.sign(text, WalletLinkingTest.KEY_A) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
            await(() -> !discord.directMessages(MEMBER).isEmpty(), Duration.ofSeconds(40), instances);
            Thread.sleep(1_000);
            assertThat(discord.directMessages(MEMBER)).extracting(m -> m.getArray("embeds").getObject(0)
                    .getString("title")).containsExactly("Wallet linked");

            for (Instance instance : alive) {
                instance.process().destroy();
            }
            for (Instance instance : alive) {
                assertThat(instance.process().waitFor(20, TimeUnit.SECONDS)).as(instance.name() + " stopped").isTrue();
                assertThat(instance.logText()).contains("Sietch stopped").doesNotContain(FakeDiscord.TOKEN);
            }
        } finally {
            instances.forEach(i -> i.process().destroyForcibly());
            TestPostgres.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private Instance start(String name, String url, Path events, FakeDiscord discord, long theDoor, long census)
            throws Exception {
        Path work = Files.createDirectories(root.resolve(name));
        int port = freePort();
        Path log = work.resolve("out.log");
        var builder = new ProcessBuilder(home.resolve("bin/sietch").toString(), "serve").directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/nonexistent");
        builder.environment().put("HOME", work.toString());
        builder.environment().put("SIETCH_JAVA_OPTS", "-Dsietch.sync.interval=1s -Dsietch.database.leader.lease="
                + LEASE.toMillis() + "ms -Dsietch.database.leader.renew-every=" + RENEW.toMillis() + "ms");
        builder.environment().put("API_PORT", Integer.toString(port));
        builder.environment().put("DATABASE_URL", url);
        builder.environment().put("SIETCH_EVENTS_FILE", events.toString());
        builder.environment().put("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN);
        builder.environment().put("DISCORD_GUILD_ID", Long.toString(GUILD));
        builder.environment().put("DISCORD_REST_URL", discord.restUrl());
        builder.environment().put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
        builder.environment().put("DISCORD_CHANNEL_THE_DOOR", Long.toString(theDoor));
        builder.environment().put("DISCORD_CHANNEL_CENSUS", Long.toString(census));
        return new Instance(name, builder.start(), port, log);
    }

    /** The instances whose metrics say they lead. */
    private List<Instance> leaders(List<Instance> instances) {
        return instances.stream().filter(i -> metric(i, "sietch_leader").filter(v -> v == 1.0).isPresent()).toList();
    }

    private Optional<Double> metric(Instance instance, String name) {
        try {
            String text = get(instance, "/metrics");
            return text.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                    .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()));
        } catch (Exception e) {
            return Optional.empty(); // not answering (yet, or any more)
        }
    }

    private String get(Instance instance, String path) throws Exception {
        var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static void await(BooleanSupplier condition, Duration timeout, List<Instance> instances) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + "; the instances logged:\n" + instances.stream()
                        .map(i -> "--- " + i.name() + "\n" + i.logText()).collect(Collectors.joining("\n")));
            }
            Thread.sleep(20);
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
