package dev.sietch.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.Activity;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /stats, /badges, /profile view and /leaderboard through the real JDA: who sees what, and no wallet anywhere. */
final class MemberCommandsTest {

    private static final long CHANI = 700_000_000_000_000_021L;
    private static final long STILGAR = 700_000_000_000_000_022L;
    private static final long NEWCOMER = 700_000_000_000_000_023L;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;
    private SietchBot bot;
    private final SettableClock clock = new SettableClock(BotFixture.NOW);

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        discord.addMember(CHANI, "chani");
        discord.addMember(STILGAR, "stilgar");
        discord.addMember(NEWCOMER, "newcomer");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        var chani = store.members().create(new Members.NewProfile(new DiscordUserId(CHANI), "Chani", Role.NAIB,
                Optional.of("Of Sietch Tabr"), Optional.empty(), PictureSource.NONE), BotFixture.NOW.minus(Duration.ofDays(100)));
        store.members().completeOnboarding(chani.memberId(), BotFixture.NOW);
        var stilgar = store.members().create(new Members.NewProfile(new DiscordUserId(STILGAR), "Stilgar", Role.FEDAYKIN,
                Optional.empty(), Optional.empty(), PictureSource.NONE), BotFixture.NOW);
        store.members().completeOnboarding(stilgar.memberId(), BotFixture.NOW);
        store.activity().awardAutomatic(chani.memberId(), EnumSet.of(Badge.VETERAN), BotFixture.NOW.minus(Duration.ofDays(10)));
        store.memberBadges().award(chani.memberId(), Badge.HELPER, "admin", Optional.of("guides"), "admin", BotFixture.NOW);
        store.activity().record(new DiscordUserId(CHANI), Activity.Kind.MESSAGE, BotFixture.NOW.minus(Duration.ofMinutes(5)),
                Activity.Settings.DEFAULT);
        bot = BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                DiscordSettings.Roles.COLLABLAND, DiscordSettings.Channels.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        store.close();
        discord.close();
    }

    private DataObject run(long user, String name, DataArray options) throws Exception {
        long id = discord.slashCommand(user, name, options);
        return discord.awaitCall("POST", p -> p.contains("/interactions/" + id + "/"), Duration.ofSeconds(5)).json()
                .getObject("data");
    }

    private static DataArray nym(String nym) {
        return DataArray.empty().add(DataObject.empty().put("type", 3).put("name", "nym").put("value", nym));
    }

    private static boolean ephemeral(DataObject reply) {
        return (reply.getInt("flags", 0) & 64) != 0;
    }

    private static DataObject embed(DataObject reply) {
        return reply.getArray("embeds").getObject(0);
    }

    private static String field(DataObject embed, String name) {
        var fields = embed.getArray("fields");
        for (int i = 0; i < fields.length(); i++) {
            if (fields.getObject(i).getString("name").equals(name)) {
                return fields.getObject(i).getString("value");
            }
        }
        throw new AssertionError("no field " + name + " in " + embed);
    }

    @Test
    void statsAreTheCallersAlone() throws Exception {
        DataObject reply = run(CHANI, "stats", DataArray.empty());
        assertThat(ephemeral(reply)).isTrue();
        assertThat(embed(reply).getString("title")).isEqualTo("\uD83D\uDCCA Chani's Activity Stats");
        // decay periods count from membership (100 days ago = 400 periods): one ended since the message
        assertThat(field(embed(reply), "\u26A1 Activity Balance")).isEqualTo("**0.9** points\n*Peak: 1.0*");
        assertThat(field(embed(reply), "\uD83D\uDCAC Messages")).isEqualTo("1");
        assertThat(field(embed(reply), "\uD83D\uDD50 Last Active")).isEqualTo("5 minutes ago");
        assertThat(run(NEWCOMER, "stats", DataArray.empty()).getString("content"))
                .isEqualTo("Complete your Sietch profile first to see your stats.");
    }

    @Test
    void badgesArePrivateForTheCaller_andPublicForAnother() throws Exception {
        DataObject own = run(CHANI, "badges", DataArray.empty());
        assertThat(ephemeral(own)).isTrue();
        assertThat(field(embed(own), "\uD83C\uDFC6 Tenure Badges")).startsWith("\u2694\uFE0F **Veteran** - Member for 90+ days\n*Earned: Nov 16, 2026*");
        assertThat(field(embed(own), "\uD83E\uDD1D Contribution Badges")).contains("**Helper**");
        assertThat(embed(own).getObject("footer").getString("text")).isEqualTo("Total: 2 badges • Sietch");

        DataObject other = run(STILGAR, "badges", nym("chani"));
        assertThat(ephemeral(other)).isFalse();
        assertThat(embed(other).getString("title")).isEqualTo("\uD83D\uDC51 Chani's Badges");
        assertThat(embed(other).getString("description")).isEqualTo("\uD83E\uDD1D Helper\n\u2694\uFE0F Veteran"); // catalogue order: category name, then order

        assertThat(embed(run(CHANI, "badges", nym("Stilgar"))).getString("description"))
                .isEqualTo("This member hasn't earned any badges yet.");
        DataObject nobody = run(CHANI, "badges", nym("nobody"));
        assertThat(ephemeral(nobody)).isTrue();
        assertThat(nobody.getString("content")).isEqualTo("No member found with the nym \"nobody\".");
    }

    @Test
    void profilesShowTenureAndBadges_neverAWallet() throws Exception {
        DataArray view = DataArray.empty().add(DataObject.empty().put("type", 1).put("name", "view")
                .put("options", nym("CHANI")));
        DataObject other = run(NEWCOMER, "profile", view);
        assertThat(ephemeral(other)).isFalse();
        DataObject embed = embed(other);
        assertThat(embed.getString("title")).isEqualTo("\uD83D\uDC51 Chani");
        assertThat(embed.getString("description")).isEqualTo("Of Sietch Tabr");
        assertThat(field(embed, "Tenure")).isEqualTo("\uD83C\uDF96\uFE0F Veteran (90+ days)");
        assertThat(field(embed, "Badges")).isEqualTo("2 earned");
        assertThat(embed.toString()).doesNotContain("0x");

        DataObject own = run(NEWCOMER, "profile", DataArray.empty().add(DataObject.empty().put("type", 1)
                .put("name", "view").put("options", DataArray.empty())));
        assertThat(ephemeral(own)).isTrue();
        assertThat(own.getString("content")).startsWith("You have no Sietch profile yet.");
    }

    @Test
    void theLeaderboardRanksByBadges() throws Exception {
        DataObject reply = run(STILGAR, "leaderboard", DataArray.empty());
        assertThat(ephemeral(reply)).isFalse();
        assertThat(embed(reply).getString("description")).isEqualTo(
                "\uD83E\uDD47 \uD83D\uDC51 **Chani** \uD83C\uDF96\uFE0F — 2 badges\n"
                        + "\uD83E\uDD48 \u2694\uFE0F **Stilgar** \uD83C\uDF31 — 0 badges");
        assertThat(embed(reply).getObject("footer").getString("text"))
                .isEqualTo("Rankings based on badge count • 2 total members");
    }
}
