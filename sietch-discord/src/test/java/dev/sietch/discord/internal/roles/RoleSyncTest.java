package dev.sietch.discord.internal.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.discord.BotFixture;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SietchBot;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** @Naib / @Fedaykin follow the ranking in roles mode sietch: both directions, grace, pacing, collabland. */
final class RoleSyncTest {

    private static final long GUILD = BotFixture.GUILD;
    private static final Instant NOW = BotFixture.NOW;
    private static final long NEW_NAIB = 700_000_000_000_000_003L;   // linked, rank 3, holds nothing
    private static final long FALLEN = 700_000_000_000_000_020L;     // linked, rank 20, holds @Naib
    private static final long UNLINKED = 700_000_000_000_000_500L;   // not linked, holds @Fedaykin
    private static final long OUTSIDE = 700_000_000_000_000_090L;    // linked, rank 90, holds @Fedaykin

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;
    private FakeDiscord.Role naib;
    private FakeDiscord.Role fedaykin;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(GUILD);
        discord.addTextChannel("general");
        naib = discord.addRole("Naib");
        fedaykin = discord.addRole("Fedaykin");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        List<RankedWallet> ranking = new ArrayList<>();
        for (int rank = 1; rank <= 100; rank++) {
            ranking.add(new RankedWallet(wallet(rank), rank, new Wei(BigInteger.valueOf(1_000 - rank)),
                    rank <= 7 ? Role.NAIB : rank <= 69 ? Role.FEDAYKIN : Role.NONE, rank <= 69));
        }
        BotFixture.commit(store, ranking, List.of());
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        discord.close();
    }

    private static WalletAddress wallet(int n) {
        return BotFixture.wallet(n);
    }

    private void linked(long discordId, int rank, Long... roles) {
        discord.addMember(discordId, "m" + rank, roles);
        store.walletLinks().link(new DiscordUserId(discordId), wallet(rank), NOW);
    }

    private SietchBot connect(DiscordSettings.Roles roles) throws InterruptedException {
        return BotFixture.connect(discord, store, FakeDiscord.TOKEN, roles, DiscordSettings.Channels.NONE);
    }

    private DiscordSettings.Roles sietchRoles() {
        return new DiscordSettings.Roles(DiscordSettings.Roles.Mode.SIETCH, OptionalLong.of(naib.id()),
                OptionalLong.of(fedaykin.id()));
    }

    @Test
    void rolesFollowTheRankingForLinkedMembers() throws Exception {
        linked(NEW_NAIB, 3);
        linked(FALLEN, 20, naib.id());
        linked(OUTSIDE, 90, fedaykin.id());
        discord.addMember(UNLINKED, "unlinked", fedaykin.id());

        try (var bot = connect(sietchRoles())) {
            var result = bot.afterSync().roles().orElseThrow();

            assertThat(result).isEqualTo(new SietchBot.RoleSyncResult(2, 3, 0));
            assertThat(discord.member(NEW_NAIB).orElseThrow().roles()).containsExactly(naib.id());
            assertThat(discord.member(FALLEN).orElseThrow().roles()).containsExactly(fedaykin.id());
            assertThat(discord.member(OUTSIDE).orElseThrow().roles()).isEmpty();
            assertThat(discord.member(UNLINKED).orElseThrow().roles()).isEmpty();
        }
    }

    @Test
    void duringTheGracePeriodNothingIsRemoved() throws Exception {
        linked(NEW_NAIB, 3);
        linked(OUTSIDE, 90, fedaykin.id());
        var grace = new SyncHealth(Optional.of(NOW.minus(Duration.ofDays(2))), Optional.of(NOW), 5,
                Optional.of(NOW.minus(Duration.ofDays(2))), true);
        store.eligibility().commitFailure(NOW, grace, List.of());

        try (var bot = connect(sietchRoles())) {
            assertThat(bot.afterSync().roles().orElseThrow()).isEqualTo(new SietchBot.RoleSyncResult(1, 0, 0));
            assertThat(discord.member(OUTSIDE).orElseThrow().roles()).containsExactly(fedaykin.id());
            assertThat(discord.member(NEW_NAIB).orElseThrow().roles()).containsExactly(naib.id());
        }
    }

    @Test
    void inCollablandModeTheBotNeverTouchesTheRoles() throws Exception {
        linked(OUTSIDE, 90, fedaykin.id());

        try (var bot = connect(DiscordSettings.Roles.COLLABLAND)) {
            assertThat(bot.afterSync().roles()).isEmpty();
        }
        assertThat(discord.calls("DELETE", p -> p.contains("/roles/"))).isEmpty();
        assertThat(discord.member(OUTSIDE).orElseThrow().roles()).containsExactly(fedaykin.id());
    }

    @Test
    void aThousandMemberChangeIsPacedByTheBucketWithoutA429Storm() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            discord.addMember(600_000_000_000_000_000L + i, "former" + i, fedaykin.id());
        }

        try (var bot = connect(sietchRoles())) {
            long started = System.nanoTime();
            var result = bot.afterSync().roles().orElseThrow();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(result).isEqualTo(new SietchBot.RoleSyncResult(0, 1_000, 0));
            assertThat(discord.calls("DELETE", p -> p.contains("/roles/" + fedaykin.id()))).hasSizeBetween(1_000, 1_003);
            assertThat(discord.roleRateLimited()).as("429s").isLessThanOrEqualTo(3);
            // the bucket allows 10 per 100 ms: 1,000 changes need about 10 s; much faster would mean no pacing
            assertThat(took).isGreaterThan(Duration.ofSeconds(8));
            assertThat(discord.member(600_000_000_000_000_999L).orElseThrow().roles()).isEmpty();
        }
    }
}
