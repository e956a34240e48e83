package dev.sietch.discord.internal.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.Notifications;
import dev.sietch.core.port.Outbox;
import dev.sietch.discord.BotFixture;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SettableClock;
import dev.sietch.discord.SietchBot;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync's changes reach Discord after commit: the direct message to the linked member concerned
 * (with their opt-out and the fallback when they refuse DMs), the #the-door post and the #census
 * message — each exactly once, also across a crash and restart; failures are retried with backoff.
 */
final class DeliveryTest {

    private static final long GUILD = BotFixture.GUILD;
    private static final long NAIB_USER = 700_000_000_000_000_001L;
    private static final long LEAVING_USER = 700_000_000_000_000_002L;
    private static final Wei THOUSAND_BGT = new Wei(BigInteger.TEN.pow(21));

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;
    private FakeDiscord.Channel theDoor;
    private FakeDiscord.Channel census;
    private FakeDiscord.Channel lounge;
    private final SettableClock clock = new SettableClock(BotFixture.NOW.plusSeconds(60));

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(GUILD);
        theDoor = discord.addTextChannel("the-door");
        census = discord.addTextChannel("census");
        lounge = discord.addTextChannel("sietch-lounge");
        discord.addMember(NAIB_USER, "naib");
        discord.addMember(LEAVING_USER, "leaving");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        var ranking = List.of(new RankedWallet(wallet(1), 1, THOUSAND_BGT, Role.NAIB, true),
                new RankedWallet(wallet(3), 2, Wei.of(5), Role.NAIB, true));
        List<EligibilityChange> changes = List.of(
                new EligibilityChange.Added(wallet(1), 1, Role.NAIB, THOUSAND_BGT),
                new EligibilityChange.Promoted(wallet(1), 1, OptionalInt.empty(), Role.NONE),
                new EligibilityChange.Removed(wallet(2), 3, Role.NAIB, EligibilityChange.Reason.RANK_CHANGE,
                        OptionalInt.of(75)),
                new EligibilityChange.Demoted(wallet(2), 3, OptionalInt.of(75), Role.NONE));
        BotFixture.commit(store, ranking, changes);
        store.walletLinks().link(new DiscordUserId(NAIB_USER), wallet(1), BotFixture.NOW);
        store.walletLinks().link(new DiscordUserId(LEAVING_USER), wallet(2), BotFixture.NOW);
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
        return BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                DiscordSettings.Roles.COLLABLAND, new DiscordSettings.Channels(OptionalLong.of(theDoor.id()),
                        OptionalLong.of(census.id()), OptionalLong.of(lounge.id())));
    }

    private static String title(DataObject message) {
        return message.getArray("embeds").getObject(0).getString("title");
    }

    private static String field(DataObject message, String name) {
        var fields = message.getArray("embeds").getObject(0).getArray("fields");
        for (int i = 0; i < fields.length(); i++) {
            if (fields.getObject(i).getString("name").equals(name)) {
                return fields.getObject(i).getString("value");
            }
        }
        throw new AssertionError("no field " + name + " in " + message);
    }

    @Test
    void postsEachChangeOnce_andMessagesTheMembersConcerned() throws Exception {
        try (var bot = connect()) {
            assertThat(bot.afterSync().announcements()).isEqualTo(new SietchBot.AnnouncementResult(4, 0, true, 0));
            assertThat(bot.afterSync().announcements()).isEqualTo(new SietchBot.AnnouncementResult(0, 0, false, 0));
            assertThat(bot.deliveryStats().posts()).isEqualTo(3);
            assertThat(bot.deliveryStats().directMessages()).isEqualTo(2);
        }

        // a Naib who left the members entirely: one Departure showing the real previous role, no "Naib to None"
        List<DataObject> posted = discord.messages(theDoor.id());
        assertThat(posted).extracting(DeliveryTest::title)
                .containsExactly("New Eligible Member", "New Naib Council Member", "Departure");
        assertThat(field(posted.get(2), "Wallet")).isEqualTo("`0x0000...ef02`");
        assertThat(field(posted.get(2), "Previous Role")).isEqualTo("Naib");

        assertThat(discord.directMessages(NAIB_USER)).singleElement().satisfies(dm -> {
            assertThat(title(dm)).isEqualTo("Welcome to the Naib Council!");
            assertThat(field(dm, "BGT Held")).isEqualTo("1,000.00 BGT");
        });
        assertThat(discord.directMessages(LEAVING_USER)).singleElement().satisfies(dm -> {
            assertThat(title(dm)).isEqualTo("Sietch Access Update");
            assertThat(field(dm, "Previous Rank")).isEqualTo("#3");
        });
        assertThat(store.outbox().pending(10)).isEmpty();
        assertThat(discord.messages(lounge.id())).isEmpty();
    }

    @Test
    void aMemberWhoTurnedNaibAlertsOffGetsNoMessage() throws Exception {
        var profile = store.members().create(new Members.NewProfile(new DiscordUserId(NAIB_USER), "Stilgar", Role.NAIB,
                Optional.empty(), Optional.empty(), PictureSource.NONE), BotFixture.NOW);
        store.notifications().update(profile.memberId(), new Notifications.Change(Optional.empty(), Optional.empty(),
                Optional.of(false), Optional.empty()), BotFixture.NOW);

        try (var bot = connect()) {
            bot.afterSync().announcements();
        }

        assertThat(discord.directMessages(NAIB_USER)).isEmpty();
        assertThat(discord.directMessages(LEAVING_USER)).hasSize(1); // removals follow the position-update switch, still on
        assertThat(outcomes()).containsExactly(Outbox.DirectMessage.NOT_NEEDED, Outbox.DirectMessage.OPTED_OUT,
                Outbox.DirectMessage.SENT, Outbox.DirectMessage.NOT_NEEDED);
    }

    @Test
    void aMemberWhoRefusesDirectMessagesIsMentionedInTheLounge_withoutTheirRank() throws Exception {
        discord.closeDirectMessages(LEAVING_USER);

        try (var bot = connect()) {
            assertThat(bot.afterSync().announcements().delivered()).isEqualTo(4);
            assertThat(bot.deliveryStats().fallbacks()).isEqualTo(1);
        }

        assertThat(discord.directMessages(LEAVING_USER)).isEmpty();
        assertThat(discord.messages(lounge.id())).singleElement().satisfies(notice -> {
            assertThat(notice.getString("content")).startsWith("<@" + LEAVING_USER + ">").contains("/position")
                    .doesNotContain("#3").doesNotContain("0x");
            assertThat(notice.getObject("allowed_mentions").getArray("users").getString(0))
                    .isEqualTo(Long.toString(LEAVING_USER));
        });
        assertThat(outcomes()).contains(Outbox.DirectMessage.FALLBACK);
        assertThat(discord.messages(theDoor.id())).hasSize(3); // the post still happens
    }

    @Test
    void aDeliveryRepeatedAfterACrashShowsNothingTwice() throws Exception {
        try (var bot = connect()) {
            bot.afterSync().announcements();
        }
        // a crash after Discord accepted everything but before any of it was recorded
        sql("UPDATE outbox SET delivered_at = NULL, direct_message = NULL, direct_message_at = NULL");

        try (var bot = connect()) {
            assertThat(bot.afterSync().announcements().delivered()).isEqualTo(4);
        }

        assertThat(discord.calls("POST", p -> p.endsWith("/channels/" + theDoor.id() + "/messages"))).hasSize(6);
        assertThat(discord.messages(theDoor.id())).hasSize(3); // the same nonce: Discord keeps the first message
        assertThat(discord.directMessages(NAIB_USER)).hasSize(1);
        assertThat(discord.directMessages(LEAVING_USER)).hasSize(1);
    }

    @Test
    void aRecordedDirectMessageIsNotSentAgain_whenOnlyThePostFailed() throws Exception {
        discord.failNext("POST", p -> p.endsWith("/channels/" + theDoor.id() + "/messages"), 3, 403, 50001);
        try (var bot = connect()) {
            var result = bot.afterSync().announcements();
            assertThat(result.failed()).isEqualTo(3);
            assertThat(bot.deliveryStats().failures()).isEqualTo(3);
        }
        assertThat(discord.directMessages(LEAVING_USER)).hasSize(1);
        assertThat(store.outbox().pending(10)).hasSize(3)
                .allSatisfy(m -> assertThat(m.directMessage()).isPresent());

        clock.advance(Duration.ofSeconds(30));
        try (var bot = connect()) {
            assertThat(bot.afterSync().announcements().delivered()).isEqualTo(3);
        }
        assertThat(discord.calls("POST", p -> p.equals("/api/v10/users/@me/channels"))).hasSize(2);
        assertThat(discord.directMessages(LEAVING_USER)).hasSize(1);
        assertThat(discord.messages(theDoor.id())).hasSize(3);
    }

    @Test
    void aFailedPostIsRetriedAfterItsBackoff_notBefore() throws Exception {
        discord.failNext("POST", p -> p.endsWith("/channels/" + theDoor.id() + "/messages"), 1, 403, 50001);
        try (var bot = connect()) {
            assertThat(bot.afterSync().announcements()).extracting(SietchBot.AnnouncementResult::delivered,
                    SietchBot.AnnouncementResult::failed).containsExactly(3, 1);
            assertThat(bot.afterSync().announcements().delivered()).isZero(); // 30 s have not passed

            clock.advance(Duration.ofSeconds(29));
            assertThat(bot.afterSync().announcements().delivered()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(bot.afterSync().announcements().delivered()).isEqualTo(1);
        }
        assertThat(discord.messages(theDoor.id())).hasSize(3);
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void aMissingChannelFailsTheRowsThatPostThere_untilItExists() throws Exception {
        try (var bot = BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                DiscordSettings.Roles.COLLABLAND, new DiscordSettings.Channels(OptionalLong.of(123L),
                        OptionalLong.empty(), OptionalLong.empty()))) {
            var result = bot.afterSync().announcements();
            assertThat(result.failed()).isEqualTo(3); // the three posts; the removal's DM and its row went through
            assertThat(result.delivered()).isEqualTo(1);
        }
        assertThat(store.outbox().pendingCount()).isEqualTo(3);
        assertThat(discord.directMessages(LEAVING_USER)).hasSize(1);
    }

    @Test
    void rateLimitedCallsAreRetriedByTheClient_withoutDuplicates() throws Exception {
        try (var bot = connect()) {
            discord.rateLimitNext(3, Duration.ofMillis(300));
            assertThat(bot.afterSync().announcements().delivered()).isEqualTo(4);
        }
        assertThat(discord.messages(theDoor.id())).hasSize(3);
        assertThat(discord.directMessages(NAIB_USER)).hasSize(1);
    }

    @Test
    void theCensusIsOneMessage_editedInPlaceAfterEachSync() throws Exception {
        try (var bot = connect()) {
            assertThat(bot.afterSync().announcements().censusUpdated()).isTrue();
            DataObject first = discord.messages(census.id()).getFirst();
            assertThat(title(first)).isEqualTo("BGT Census");
            assertThat(field(first, "Naib Council")).isEqualTo(
                    "**1.** `0x0000...ef01` - 1,000.00 BGT\n**2.** `0x0000...ef03` - 0.00 BGT");
            assertThat(first.getArray("embeds").getObject(0).getObject("footer").getString("text"))
                    .isEqualTo("Total Eligible: 2/69");

            // the next sync: the same message is edited
            sql("UPDATE sync_health SET last_success_at = '2026-11-26T18:00:00.000000Z'");
            assertThat(bot.afterSync().announcements().censusUpdated()).isTrue();
            assertThat(discord.messages(census.id())).singleElement().satisfies(m -> {
                assertThat(m.getString("id")).isEqualTo(first.getString("id"));
                assertThat(m.getArray("embeds").getObject(0).getString("description"))
                        .isEqualTo("Last Updated: 2026-11-26T18:00:00Z");
            });
            assertThat(discord.calls("PATCH", p -> p.contains("/channels/" + census.id() + "/messages/"))).hasSize(1);
        }

        // someone deleted it: the next sync posts a new one, and edits that one afterwards
        String oldId = discord.messages(census.id()).getFirst().getString("id");
        discord.deleteMessage(oldId);
        sql("UPDATE sync_health SET last_success_at = '2026-11-27T00:00:00.000000Z'");
        try (var bot = connect()) {
            bot.afterSync().announcements();
        }
        assertThat(discord.messages(census.id())).singleElement()
                .satisfies(m -> assertThat(m.getString("id")).isNotEqualTo(oldId));
    }

    @Test
    void largeCensusFieldsAreSplitUnderDiscordsLimit() {
        var members = new java.util.ArrayList<RankedWallet>();
        for (int rank = 1; rank <= 69; rank++) {
            members.add(new RankedWallet(wallet(rank), rank, new Wei(BigInteger.TEN.pow(30)), rank <= 7 ? Role.NAIB
                    : Role.FEDAYKIN, true));
        }
        var embed = dev.sietch.discord.internal.announcements.Census.embed(members, Optional.of(BotFixture.NOW),
                dev.sietch.core.model.RankingPolicy.DEFAULT, BotFixture.NOW);
        assertThat(embed.getFields()).allSatisfy(f -> assertThat(f.getValue()).hasSizeLessThanOrEqualTo(1024));
        assertThat(embed.getFields().stream().mapToLong(f -> f.getValue().lines().count()).sum()).isEqualTo(69);
        assertThat(embed.getFields()).extracting(f -> f.getName()).startsWith("Naib Council", "Fedaykin", "\u200B");
        assertThat(embed.getFields().get(1).getValue()).startsWith("**8.** `0x0000...ef08` - 1,000,000,000,000.00 BGT");
    }

    private List<Outbox.DirectMessage> outcomes() throws Exception {
        var outcomes = new java.util.ArrayList<Outbox.DirectMessage>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                var rows = connection.createStatement().executeQuery("SELECT direct_message FROM outbox ORDER BY id")) {
            while (rows.next()) {
                outcomes.add(Outbox.DirectMessage.fromWireName(rows.getString(1)));
            }
        }
        return outcomes;
    }

    private void sql(String statement) {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                var s = connection.createStatement()) {
            s.execute(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
