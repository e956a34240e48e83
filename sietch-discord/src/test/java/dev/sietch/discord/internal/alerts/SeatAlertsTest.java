package dev.sietch.discord.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.Members;
import dev.sietch.discord.BotFixture;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SettableClock;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seat alerts a sync queues are delivered by DM, each once, marked delivered only when Discord
 * took them; a recipient who takes no DMs is given up with the reason (nothing retried forever).
 */
final class SeatAlertsTest {

    private static final long FIRST = 700_000_000_000_000_051L;
    private static final long SECOND = 700_000_000_000_000_052L;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;
    private final SettableClock clock = new SettableClock(BotFixture.NOW);
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        int n = 1;
        for (long account : new long[] {FIRST, SECOND}) {
            discord.addMember(account, "m" + n);
            store.walletLinks().link(new DiscordUserId(account), BotFixture.wallet(n), BotFixture.NOW);
            var profile = store.members().create(new Members.NewProfile(new DiscordUserId(account), "Seat" + n, Role.NAIB,
                    Optional.empty(), Optional.empty(), PictureSource.NONE), BotFixture.NOW);
            store.members().completeOnboarding(profile.memberId(), BotFixture.NOW);
            ids.add(profile.memberId().value());
            n++;
        }
        // the sync seats both: two naib_seated alerts queued in its transaction
        BotFixture.commit(store, List.of(
                new RankedWallet(BotFixture.wallet(1), 1, new Wei(BigInteger.TEN.pow(22)), Role.NAIB, true),
                new RankedWallet(BotFixture.wallet(2), 2, new Wei(BigInteger.TEN.pow(21)), Role.NAIB, true)), List.of());
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        discord.close();
    }

    @Test
    void seatedMembersAreToldOnce_andOneWhoTakesNoDirectMessagesIsGivenUp() throws Exception {
        discord.closeDirectMessages(SECOND);
        try (var bot = BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                DiscordSettings.Roles.COLLABLAND, DiscordSettings.Channels.NONE)) {
            var result = bot.afterSync().announcements();
            assertThat(result.alertsDelivered()).isEqualTo(1);
            assertThat(bot.afterSync().announcements().alertsDelivered()).isZero(); // nothing twice
        }
        assertThat(discord.directMessages(FIRST)).singleElement().satisfies(m -> assertThat(m.getArray("embeds")
                .getObject(0).getString("title")).isEqualTo("\uD83D\uDC51 You have a seat on the Naib Council"));
        var first = store.notifications().history(ids.get(0), 5, Optional.of("naib_seated")).getFirst();
        assertThat(first.delivered()).isTrue();
        var second = store.notifications().history(ids.get(1), 5, Optional.of("naib_seated")).getFirst();
        assertThat(second.delivered()).isFalse();
        assertThat(second.deliveryError()).contains("The recipient does not accept direct messages");
        assertThat(store.notifications().due(clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
        // a seat alert is critical: it does not use up the member's weekly alerts
        assertThat(store.notifications().preferences(new MemberId(ids.get(0)), clock.instant()).alertsSentThisWeek()).isZero();
        assertThat(store.auditLog().recent(5, Optional.of("alert_sent"), Optional.empty())).hasSize(1);
    }
}
