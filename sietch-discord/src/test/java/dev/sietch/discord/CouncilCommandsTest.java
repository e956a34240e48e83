package dev.sietch.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.Members;
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
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /naib and /threshold over seats and a ranking made by real syncs. */
final class CouncilCommandsTest {

    private static final long VIEWER = 700_000_000_000_000_061L;
    private static final long OUTSIDER = 700_000_000_000_000_062L;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;
    private SietchBot bot;
    private final SettableClock clock = new SettableClock(BotFixture.NOW.plus(Duration.ofDays(40)));

    /** Wallet i holds (100 - i) × 10^18 wei... ranks 1..n in wallet order, except the wallets left out. */
    private static List<RankedWallet> ranking(int wallets, int leftOut) {
        var list = new ArrayList<RankedWallet>();
        int rank = 1;
        for (int i = 1; i <= wallets; i++) {
            if (i == leftOut) {
                continue;
            }
            list.add(new RankedWallet(BotFixture.wallet(i), rank, new Wei(BigInteger.valueOf(1000L - i)
                    .multiply(BigInteger.TEN.pow(18))), rank <= 7 ? Role.NAIB : rank <= 69 ? Role.FEDAYKIN : Role.NONE,
                    rank <= 69));
            rank++;
        }
        return list;
    }

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        discord.addMember(VIEWER, "viewer");
        discord.addMember(OUTSIDER, "outsider");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        for (int i = 1; i <= 9; i++) {
            String account = i == 9 ? Long.toString(VIEWER) : Integer.toString(9000 + i);
            store.walletLinks().link(DiscordUserId.of(account), BotFixture.wallet(i), BotFixture.NOW);
            var p = store.members().create(new Members.NewProfile(DiscordUserId.of(account), "Member" + i, Role.FEDAYKIN, Optional.empty(),
                    Optional.empty(), PictureSource.NONE), BotFixture.NOW);
            store.members().completeOnboarding(p.memberId(), BotFixture.NOW);
        }
        BotFixture.commit(store, ranking(75, 0), List.of()); // seats for wallets 1..7
        store.waitlist().register(DiscordUserId.of("555"), BotFixture.wallet(71), 71, new Wei(BigInteger.TEN.pow(20)), BotFixture.NOW);
        bot = BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                DiscordSettings.Roles.COLLABLAND, DiscordSettings.Channels.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        store.close();
        discord.close();
    }

    private DataObject run(long user, String name, String sub) throws Exception {
        var options = sub == null ? DataArray.empty()
                : DataArray.empty().add(DataObject.empty().put("type", 1).put("name", sub).put("options", DataArray.empty()));
        long id = discord.slashCommand(user, name, options);
        return discord.awaitCall("POST", p -> p.contains("/interactions/" + id + "/"), Duration.ofSeconds(5)).json()
                .getObject("data");
    }

    private static String fields(DataObject reply) {
        var embed = reply.getArray("embeds").getObject(0);
        var text = new StringBuilder(embed.getString("title")).append('\n');
        var fields = embed.getArray("fields");
        for (int i = 0; i < fields.length(); i++) {
            text.append(fields.getObject(i).getString("name")).append(": ").append(fields.getObject(i).getString("value"))
                    .append('\n');
        }
        return text.toString();
    }

    @Test
    void naibShowsTheCouncilInSeatingOrder_withoutRanksOrAmounts() throws Exception {
        assertThat(run(OUTSIDER, "naib", "overview").getString("content")).startsWith("Complete your Sietch profile first");

        String overview = fields(run(VIEWER, "naib", "overview"));
        assertThat(overview).contains("Current Council (7/7)", "**Member1**", "**Member7**").doesNotContain("Member8")
                .doesNotContain("Rank").doesNotContain("BGT:");

        // wallet 1 leaves the ranking: the next sync unseats it; the strongest challenger (wallet 8) takes the seat
        BotFixture.commit(store, ranking(75, 1), List.of());
        String after = fields(run(VIEWER, "naib", "overview"));
        assertThat(after).contains("**Member8**", "Former Naib (1): Member1");
        String former = fields(run(VIEWER, "naib", "former"));
        assertThat(former).contains("Former Members (1)", "1. **Member1**", "1 term");
        assertThat(fields(run(VIEWER, "naib", "current"))).contains("Active Seats (7/7)", "seated 1mo 10d ago");
    }

    @Test
    void thresholdShowsTheEntryGapAndTheWaitingPool_toAnyone() throws Exception {
        String threshold = fields(run(OUTSIDER, "threshold", null));
        // rank 69 is wallet 69: 931 BGT; rank 70 holds 930
        assertThat(threshold).contains("**931 BGT**", "Eligible: **69** members", "Waiting: **6** positions",
                "**1 BGT**\nDistance from #70 to entry", "**#70** `", "**#71** `" + BotFixture.wallet(71).truncated()
                        + "` \uD83D\uDCEC", "929 BGT • +2 to entry");
    }
}
