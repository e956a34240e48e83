package dev.sietch.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.Secret;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.EligibilityStore;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.StoreSettings;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync's announcements reach #the-door once each, also when a delivery is repeated after a crash. */
final class AnnouncementsTest {

    private static final long GUILD = 800_000_000_000_000_001L;
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;
    private FakeDiscord.Channel theDoor;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(GUILD);
        theDoor = discord.addTextChannel("the-door");
        store = SqliteStore.open(StoreSettings.of(dir.resolve("s.db")));
        var ranking = List.of(new RankedWallet(wallet(1), 1, new Wei(BigInteger.TEN.pow(21)), Role.NAIB, true));
        List<EligibilityChange> changes = List.of(
                new EligibilityChange.Added(wallet(1), 1, Role.NAIB, new Wei(BigInteger.TEN.pow(21))),
                new EligibilityChange.Promoted(wallet(1), 1, OptionalInt.empty(), Role.NONE),
                new EligibilityChange.Removed(wallet(2), 40, Role.FEDAYKIN, EligibilityChange.Reason.RANK_CHANGE,
                        OptionalInt.of(75)));
        store.eligibility().commitSync(new EligibilityStore.SyncCommit(NOW, OptionalLong.empty(), Ranking.EMPTY,
                Ranking.of(ranking), changes, List.of(new AuditEntry("eligibility_update", Map.of())),
                SyncHealth.NEVER_SYNCED.afterSuccess(NOW).next(), OptionalLong.of(1), Threshold.of(ranking, RankingPolicy.DEFAULT)));
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        discord.close();
    }

    private static WalletAddress wallet(int n) {
        return WalletAddress.of(String.format("0x%040x", 0xabcdef00L + n));
    }

    private SietchBot connect() throws InterruptedException {
        return SietchBot.connect(new DiscordSettings(Optional.of(new Secret(FakeDiscord.TOKEN)), OptionalLong.of(GUILD),
                        new SietchBot.Endpoints(URI.create(discord.restUrl()), URI.create(discord.gatewayUrl())),
                        DiscordSettings.Roles.COLLABLAND, OptionalLong.of(theDoor.id())),
                new SietchBot.Sources(store.members(), store.walletLinks(), store.naibSeats(), store.rankings(),
                        RankingPolicy.DEFAULT, store.syncHealth(), store.outbox()),
                Duration.ofSeconds(15));
    }

    @Test
    void eachAnnouncementIsPostedOnce_withTruncatedWallets() throws Exception {
        try (var bot = connect()) {
            assertThat(bot.announce()).contains(new SietchBot.AnnouncementResult(3, 0));
            assertThat(bot.announce()).contains(new SietchBot.AnnouncementResult(0, 0));
        }

        List<DataObject> posted = discord.messages(theDoor.id());
        assertThat(posted).extracting(m -> m.getArray("embeds").getObject(0).getString("title"))
                .containsExactly("New Eligible Member", "New Naib Council Member", "Departure");
        DataObject departure = posted.get(2).getArray("embeds").getObject(0);
        assertThat(departure.getArray("fields").getObject(0).getString("value")).isEqualTo("`0x0000...ef02`");
        assertThat(departure.getArray("fields").getObject(2).getString("value")).isEqualTo("Fedaykin");
        assertThat(store.outbox().pending(10)).isEmpty();
    }

    @Test
    void aDeliveryRepeatedAfterACrashDoesNotPostTwice() throws Exception {
        try (var bot = connect()) {
            bot.announce();
        }
        // a crash after posting but before recording it: the rows are pending again
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.file());
                var statement = connection.createStatement()) {
            statement.execute("UPDATE outbox SET delivered_at = NULL");
        }

        try (var bot = connect()) {
            assertThat(bot.announce()).contains(new SietchBot.AnnouncementResult(3, 0));
        }

        assertThat(discord.calls("POST", p -> p.endsWith("/channels/" + theDoor.id() + "/messages"))).hasSize(6);
        assertThat(discord.messages(theDoor.id())).hasSize(3); // the same nonce: Discord keeps the first message
    }
}
