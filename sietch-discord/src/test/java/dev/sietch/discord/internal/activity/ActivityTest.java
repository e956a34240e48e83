package dev.sietch.discord.internal.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.Activity;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import dev.sietch.discord.BotFixture;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SettableClock;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Activity points from gateway events, through the real JDA: messages, reactions given and received. */
final class ActivityTest {

    private static final long ACTIVE = 700_000_000_000_000_011L;
    private static final long AUTHOR = 700_000_000_000_000_012L;
    private static final long NEWCOMER = 700_000_000_000_000_013L;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;
    private final SettableClock clock = new SettableClock(BotFixture.NOW);

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        discord.addMember(ACTIVE, "active");
        discord.addMember(AUTHOR, "author");
        discord.addMember(NEWCOMER, "newcomer");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        for (long id : new long[] {ACTIVE, AUTHOR}) {
            var profile = store.members().create(new Members.NewProfile(new DiscordUserId(id), "m" + id % 1000, Role.FEDAYKIN,
                    Optional.empty(), Optional.empty(), PictureSource.NONE), BotFixture.NOW);
            store.members().completeOnboarding(profile.memberId(), BotFixture.NOW);
        }
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        discord.close();
    }

    private Activity activity(long discordId) {
        MemberId memberId = store.members().byDiscordId(new DiscordUserId(discordId)).orElseThrow().memberId();
        return store.activity().current(memberId, clock.instant(), Activity.Settings.DEFAULT).orElse(Activity.none(Instant.EPOCH));
    }

    @Test
    void messagesAndReactionsEarnPoints_withinTheirCooldowns() throws Exception {
        try (var bot = BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                DiscordSettings.Roles.COLLABLAND, DiscordSettings.Channels.NONE)) {
            long message = discord.message(AUTHOR);
            discord.message(AUTHOR); // inside the 60 s cooldown
            discord.reaction(ACTIVE, message, AUTHOR);
            discord.reaction(ACTIVE, message, AUTHOR); // given: inside 5 s; received: always
            discord.message(NEWCOMER); // no profile: nothing
            discord.reaction(NEWCOMER, message, AUTHOR); // received still counts for the author

            await(() -> activity(AUTHOR).reactionsReceived() == 3);
            Activity author = activity(AUTHOR);
            assertThat(author.messages()).isEqualTo(1);
            assertThat(author.balance()).isEqualTo(1 + 3 * 2);
            Activity active = activity(ACTIVE);
            assertThat(active.reactionsGiven()).isEqualTo(1);
            assertThat(active.balance()).isEqualTo(1);
            assertThat(store.activity().memberId(new DiscordUserId(NEWCOMER))).isEmpty();

            // a reaction to one's own message counts as given only
            clock.advance(Duration.ofSeconds(10));
            long own = discord.message(ACTIVE);
            discord.reaction(ACTIVE, own, ACTIVE);
            await(() -> activity(ACTIVE).reactionsGiven() == 2);
            assertThat(activity(ACTIVE).reactionsReceived()).isZero();
        }
    }

    @Test
    void crossingAnEngagementThresholdAwardsItsBadge() throws Exception {
        store.activity().record(new DiscordUserId(AUTHOR), Activity.Kind.MESSAGE, BotFixture.NOW, Activity.Settings.DEFAULT);
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.file());
                var statement = connection.createStatement()) {
            statement.execute("UPDATE member_activity SET balance = 99, peak = 99");
        }
        MemberId author = store.members().byDiscordId(new DiscordUserId(AUTHOR)).orElseThrow().memberId();
        try (var bot = BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                DiscordSettings.Roles.COLLABLAND, DiscordSettings.Channels.NONE)) {
            discord.reaction(ACTIVE, 1L, AUTHOR); // +2 for the author: 101
            await(() -> !store.memberBadges().held(author).isEmpty());
        }
        assertThat(store.memberBadges().held(author)).extracting(h -> h.badge())
                .containsExactly(dev.sietch.core.model.Badge.CONSISTENT);
    }

    @Test
    void crossingTheEngagedBalanceGivesTheEngagedRole_atOnce() throws Exception {
        var engaged = discord.addRole("Engaged");
        store.activity().record(new DiscordUserId(AUTHOR), Activity.Kind.MESSAGE, BotFixture.NOW, Activity.Settings.DEFAULT);
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.file());
                var statement = connection.createStatement()) {
            statement.execute("UPDATE member_activity SET balance = 199, peak = 199");
        }
        try (var bot = BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                new DiscordSettings.Roles(DiscordSettings.Roles.Mode.COLLABLAND, java.util.OptionalLong.empty(),
                        java.util.OptionalLong.empty(), java.util.Map.of(dev.sietch.core.model.DynamicRole.ENGAGED, engaged.id())),
                DiscordSettings.Channels.NONE)) {
            discord.reaction(ACTIVE, 1L, AUTHOR); // +2 for the author: 201
            discord.awaitCall("PUT", p -> p.endsWith("/members/" + AUTHOR + "/roles/" + engaged.id()), Duration.ofSeconds(10));
        }
        assertThat(discord.calls("PUT", p -> p.endsWith("/members/" + ACTIVE + "/roles/" + engaged.id()))).isEmpty();
        await(() -> store.auditLog().recent(5, Optional.of("role_assigned"), Optional.empty()).size() == 1);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
    }
}
