package dev.sietch.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.StoreSettings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync's announcements reach #the-door once each, also when a delivery is repeated after a crash. */
final class AnnouncementsTest {

    private static final long GUILD = BotFixture.GUILD;

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
        BotFixture.commit(store, ranking, changes);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        discord.close();
    }

    private static WalletAddress wallet(int n) {
        return BotFixture.wallet(n);
    }

    private SietchBot connect() throws InterruptedException {
        return BotFixture.connect(discord, store, FakeDiscord.TOKEN, DiscordSettings.Roles.COLLABLAND,
                OptionalLong.of(theDoor.id()));
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
