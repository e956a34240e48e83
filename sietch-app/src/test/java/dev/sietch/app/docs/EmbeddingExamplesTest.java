package dev.sietch.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.discord.fake.FakeDiscord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.dv8tion.jda.api.JDABuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
// tag::imports[]
import dev.sietch.core.model.Activity;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.TenureCategory;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SietchBot;
import dev.sietch.http.HttpApi;
import dev.sietch.http.HttpSettings;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
// end::imports[]

/**
 * The examples of docs/embedding.md, compiled and run: each region between {@code tag::NAME[]}
 * and {@code end::NAME[]} is a code block of that page ({@link EmbeddingDocsTest} holds them equal).
 */
final class EmbeddingExamplesTest {

    private static final long GUILD = 800_000_000_000_000_001L;

    @TempDir
    Path dir;

    // tag::store[]
    /** The members of the current ranking, in rank order; the database is created and migrated if needed. */
    static List<RankedWallet> currentMembers(Path database) {
        try (Store store = Store.sqlite(StoreSettings.of(database))) {
            return store.rankings().members();
        }
    }
    // end::store[]

    // tag::http[]
    /** Serves the eligibility API from the store; closing the returned API drains requests, then stops. */
    static HttpApi serve(Store store, HttpSettings settings) {
        return HttpApi.builder(settings)
                .syncHealth(store.syncHealth(), Duration.ofHours(6), Duration.ofHours(24))
                .rankings(store.rankings(), RankingPolicy.DEFAULT)
                .metrics(new SimpleMeterRegistry(), () -> "") // /metrics serves the text this returns
                .admin(store.overrides(), store.auditLog())
                .community(store.members(), store.walletLinks(), store.memberBadges(), store.naibSeats(),
                        store.waitlist(), store.thresholdHistory(), store.notifications())
                .start();
    }
    // end::http[]

    // tag::bot[]
    /** Adds Sietch's commands and listeners to the host's session; closing the bot removes them again. */
    static SietchBot attach(JDA jda, long guildId, Store store) {
        var sources = new SietchBot.Sources(
                new SietchBot.Community(store.members(), store.walletLinks(), store.naibSeats(), store.rankings(),
                        RankingPolicy.DEFAULT, store.syncHealth(), store.notifications(), store.auditLog(),
                        store.waitlist()),
                new SietchBot.Social(store.activity(), Activity.Settings.DEFAULT, store.memberBadges(),
                        TenureCategory.DEFAULT_LAUNCH),
                store.outbox(), store.botState(), Optional.empty(), Optional.empty(), Optional.empty(),
                Clock.systemUTC());
        return SietchBot.attach(jda, guildId, DiscordSettings.Roles.COLLABLAND, DiscordSettings.Channels.NONE, sources,
                new SimpleMeterRegistry()); // the bot's command counters and timers are registered here
    }
    // end::bot[]

    @Test
    void theStoreExample_createsTheDatabase_andReadsTheRanking() {
        Path database = dir.resolve("data/sietch.db");

        assertThat(currentMembers(database)).isEmpty();
        assertThat(database).isRegularFile();
    }

    @Test
    void theHttpExample_servesHealthAndEligibility() throws Exception {
        try (var store = Store.sqlite(StoreSettings.of(dir.resolve("sietch.db")));
                var api = serve(store, new HttpSettings("127.0.0.1", 0))) {
            var client = HttpClient.newHttpClient();
            for (String path : List.of("/health", "/eligibility", "/openapi.json")) {
                var response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.address().getPort() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void theBotExample_attachesToTheHostsSession_andLeavesItRunningWhenClosed() throws Exception {
        try (var discord = new FakeDiscord(GUILD);
                var store = Store.sqlite(StoreSettings.of(dir.resolve("sietch.db")))) {
            JDA host = discord.endpoints().applyTo(JDABuilder.createLight(FakeDiscord.TOKEN, SietchBot.INTENTS))
                    .build();
            try {
                host.awaitReady();
                try (var bot = attach(host, GUILD, store)) {
                    assertThat(host.getRegisteredListeners()).isNotEmpty();
                }
                assertThat(host.getStatus()).isEqualTo(JDA.Status.CONNECTED);
                assertThat(host.getRegisteredListeners()).isEmpty();
            } finally {
                host.shutdownNow();
            }
        }
    }
}
