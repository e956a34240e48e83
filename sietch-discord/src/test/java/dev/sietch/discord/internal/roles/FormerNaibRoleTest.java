package dev.sietch.discord.internal.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.DynamicRole;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** @Former Naib follows the seats: given when a member loses their seat, taken back when seated again. */
final class FormerNaibRoleTest {

    private static final long FIRST = 700_000_000_000_000_091L;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private FakeDiscord.Role former;
    private SqliteStore store;

    private static List<RankedWallet> ranking(boolean withFirst) {
        var list = new ArrayList<RankedWallet>();
        int rank = 1;
        for (int i = withFirst ? 1 : 2; i <= 9; i++) {
            list.add(new RankedWallet(BotFixture.wallet(i), rank, new Wei(BigInteger.valueOf(1000L - i)
                    .multiply(BigInteger.TEN.pow(18))), rank <= 7 ? Role.NAIB : Role.FEDAYKIN, true));
            rank++;
        }
        return list;
    }

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        former = discord.addRole("Former Naib");
        discord.addMember(FIRST, "first");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        for (int i = 1; i <= 8; i++) {
            String account = i == 1 ? Long.toString(FIRST) : Integer.toString(9100 + i);
            store.walletLinks().link(DiscordUserId.of(account), BotFixture.wallet(i), BotFixture.NOW);
            var p = store.members().create(new Members.NewProfile(DiscordUserId.of(account), "Holder" + i, Role.FEDAYKIN, Optional.empty(),
                    Optional.empty(), PictureSource.NONE), BotFixture.NOW);
            store.members().completeOnboarding(p.memberId(), BotFixture.NOW);
        }
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        discord.close();
    }

    @Test
    void aMemberWhoLosesTheirSeatHasTheRole_untilSeatedAgain() throws Exception {
        BotFixture.commit(store, ranking(true), List.of()); // wallet 1 is seated
        BotFixture.commit(store, ranking(false), List.of()); // wallet 1 leaves the ranking: unseated
        try (var bot = BotFixture.connect(discord, BotFixture.sources(store, new SettableClock(BotFixture.NOW)),
                FakeDiscord.TOKEN, new DiscordSettings.Roles(DiscordSettings.Roles.Mode.COLLABLAND, OptionalLong.empty(),
                        OptionalLong.empty(), Map.of(DynamicRole.FORMER_NAIB, former.id())), DiscordSettings.Channels.NONE)) {
            assertThat(bot.syncMemberRoles().added()).isEqualTo(1);
            discord.awaitCall("PUT", p -> p.endsWith("/members/" + FIRST + "/roles/" + former.id()), Duration.ofSeconds(5));
        }
        assertThat(store.auditLog().recent(5, Optional.of("role_assigned"), Optional.empty())).singleElement()
                .satisfies(r -> assertThat(r.dataJson()).contains("\"role\":\"former_naib\""));
    }
}
