package dev.sietch.discord.internal.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.Wei;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /register-waitlist through the real JDA: the checks in order, the Taqwa role, unregistering and
 * registering again, and one eligibility DM when the wallet reaches the member ranks.
 */
final class WaitlistTest {

    private static final long HOPEFUL = 700_000_000_000_000_071L;
    private static final long OTHER = 700_000_000_000_000_072L;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private FakeDiscord.Role taqwa;
    private SqliteStore store;
    private SietchBot bot;
    private final SettableClock clock = new SettableClock(BotFixture.NOW);

    /** 110 wallets ranked in wallet order, except {@code moved}, placed at rank {@code to}. */
    private static List<RankedWallet> ranking(int moved, int to) {
        var order = new ArrayList<Integer>();
        for (int i = 1; i <= 110; i++) {
            if (i != moved) {
                order.add(i);
            }
        }
        if (moved > 0) {
            order.add(to - 1, moved);
        }
        var list = new ArrayList<RankedWallet>();
        for (int rank = 1; rank <= order.size(); rank++) {
            list.add(new RankedWallet(BotFixture.wallet(order.get(rank - 1)), rank,
                    new Wei(BigInteger.valueOf(2000L - rank).multiply(BigInteger.TEN.pow(18))),
                    rank <= 7 ? Role.NAIB : rank <= 69 ? Role.FEDAYKIN : Role.NONE, rank <= 69));
        }
        return list;
    }

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        taqwa = discord.addRole("Taqwa");
        discord.addMember(HOPEFUL, "hopeful");
        discord.addMember(OTHER, "other");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        store.walletLinks().link(DiscordUserId.of("4242"), BotFixture.wallet(80), BotFixture.NOW);
        BotFixture.commit(store, ranking(0, 0), List.of());
        bot = BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                new DiscordSettings.Roles(DiscordSettings.Roles.Mode.COLLABLAND, OptionalLong.empty(), OptionalLong.empty(),
                        Map.of(), OptionalLong.of(taqwa.id())), DiscordSettings.Channels.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        store.close();
        discord.close();
    }

    private DataObject run(long user, String sub, String wallet) throws Exception {
        var options = DataArray.empty();
        if (wallet != null) {
            options.add(DataObject.empty().put("type", 3).put("name", "wallet").put("value", wallet));
        }
        long id = discord.slashCommand(user, "register-waitlist", DataArray.empty()
                .add(DataObject.empty().put("type", 1).put("name", sub).put("options", options)));
        DataObject data = discord.awaitCall("POST", p -> p.contains("/interactions/" + id + "/"), Duration.ofSeconds(5))
                .json().getObject("data");
        assertThat(data.getInt("flags") & 64).as("private").isEqualTo(64);
        return data.getArray("embeds").getObject(0);
    }

    private String refusal(long user, String wallet) throws Exception {
        DataObject embed = run(user, "register", wallet);
        assertThat(embed.getString("title")).isEqualTo("\u274C Registration Failed");
        return embed.getString("description");
    }

    @Test
    void registersOnlyAWaitingWallet_checkedInOrder() throws Exception {
        assertThat(refusal(HOPEFUL, "0x123")).startsWith("Invalid wallet address format");
        assertThat(refusal(HOPEFUL, BotFixture.wallet(500).value())).isEqualTo(
                "Wallet not found in eligibility rankings. You need some BGT first!");
        assertThat(refusal(HOPEFUL, BotFixture.wallet(5).value())).startsWith("You're already eligible (position 5)!");
        assertThat(refusal(HOPEFUL, BotFixture.wallet(105).value())).isEqualTo("Position 105 is outside waitlist range (70-100)");
        assertThat(refusal(HOPEFUL, BotFixture.wallet(80).value())).isEqualTo("This wallet is already linked to a Sietch member");

        DataObject done = run(HOPEFUL, "register", BotFixture.wallet(72).value().toUpperCase().replace("0X", "0x"));
        assertThat(done.getString("title")).isEqualTo("\uD83D\uDCEC Waitlist Registration Complete");
        assertThat(done.toString()).contains("**#72**", "`" + BotFixture.wallet(72).truncated() + "`", "@Taqwa");
        discord.awaitCall("PUT", p -> p.endsWith("/members/" + HOPEFUL + "/roles/" + taqwa.id()), Duration.ofSeconds(5));

        assertThat(refusal(HOPEFUL, BotFixture.wallet(73).value())).isEqualTo("You are already registered for waitlist alerts");
        assertThat(refusal(OTHER, BotFixture.wallet(72).value())).isEqualTo("This wallet is already registered for alerts");
        assertThat(run(HOPEFUL, "status", null).getString("description")).isEqualTo(
                "You are registered and tracking position **#72**");

        // unregistering, then registering again
        assertThat(run(HOPEFUL, "unregister", null).getString("title")).isEqualTo("\uD83D\uDC4B Unregistered from Waitlist");
        assertThat(run(HOPEFUL, "unregister", null).getString("description")).isEqualTo("You are not registered for the waitlist.");
        assertThat(run(HOPEFUL, "register", BotFixture.wallet(72).value()).getString("title"))
                .isEqualTo("\uD83D\uDCEC Waitlist Registration Complete");
    }

    @Test
    void aRegisteredWalletThatReachesTheMemberRanksGetsOneDirectMessage() throws Exception {
        run(HOPEFUL, "register", BotFixture.wallet(75).value());
        assertThat(bot.afterSync().announcements().alertsDelivered()).isZero();

        BotFixture.commit(store, ranking(75, 60), List.of()); // wallet 75 climbs to rank 60
        assertThat(bot.afterSync().announcements().alertsDelivered()).isEqualTo(1);
        assertThat(discord.directMessages(HOPEFUL)).singleElement().satisfies(m -> assertThat(m.getArray("embeds")
                .getObject(0).getString("title")).isEqualTo("\uD83C\uDF89 You can join the Sietch"));
        assertThat(store.waitlist().activeForAccount(new DiscordUserId(HOPEFUL)).orElseThrow().notifiedAt()).isPresent();

        BotFixture.commit(store, ranking(75, 59), List.of()); // still eligible: nothing more
        assertThat(bot.afterSync().announcements().alertsDelivered()).isZero();
        assertThat(discord.directMessages(HOPEFUL)).hasSize(1);
    }

    @Test
    void endingTheRegistrationBeforeDeliveryCancelsTheQueuedAlert() throws Exception {
        run(HOPEFUL, "register", BotFixture.wallet(75).value());
        BotFixture.commit(store, ranking(75, 60), List.of()); // queued
        run(HOPEFUL, "unregister", null);
        assertThat(bot.afterSync().announcements().alertsDelivered()).isZero();
        assertThat(discord.directMessages(HOPEFUL)).isEmpty();
    }
}
