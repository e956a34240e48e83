package dev.sietch.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.Members;
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
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot against the fake Discord with the real JDA and a real store: commands, registration, replies. */
final class SietchBotTest {

    private static final long GUILD = BotFixture.GUILD;
    private static final long MEMBER = 700_000_000_000_000_065L;
    private static final long STRANGER = 700_000_000_000_000_099L;
    private static final Instant NOW = BotFixture.NOW;
    private static final BigInteger BGT = BigInteger.TEN.pow(18);

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(GUILD);
        discord.addTextChannel("general");
        discord.addMember(MEMBER, "atrisk");
        discord.addMember(STRANGER, "stranger");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        List<RankedWallet> ranking = new ArrayList<>();
        for (int rank = 1; rank <= 80; rank++) {
            ranking.add(new RankedWallet(wallet(rank), rank, new Wei(BGT.multiply(BigInteger.valueOf(200 - rank))),
                    rank <= 7 ? Role.NAIB : rank <= 69 ? Role.FEDAYKIN : Role.NONE, rank <= 69));
        }
        BotFixture.commit(store, ranking, List.of());
        store.walletLinks().link(new DiscordUserId(MEMBER), wallet(65), NOW);
        store.members().create(new Members.NewProfile(new DiscordUserId(MEMBER), "atrisk", Role.FEDAYKIN, Optional.empty(),
                Optional.empty(), PictureSource.NONE), NOW);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        discord.close();
    }

    @Test
    void aTokenDiscordRefusesIsOneClearError() {
        assertThatThrownBy(() -> connect("not-the-token"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Discord refused the bot token")
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain("not-the-token"));
    }

    @Test
    void attachesToAHostBotsJda_andLeavesItRunningWhenClosed() throws Exception {
        // given: a host bot that runs its own JDA session
        var host = discord.endpoints().applyTo(net.dv8tion.jda.api.JDABuilder.createLight(FakeDiscord.TOKEN, SietchBot.INTENTS))
                .build();
        try {
            host.awaitReady();

            // when: Sietch is added to it
            try (var bot = SietchBot.attach(host, GUILD, DiscordSettings.Roles.COLLABLAND, DiscordSettings.Channels.NONE, sources(),
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
                assertThat(bot.commandsWritten()).isTrue();
                long id = discord.slashCommand(MEMBER, "position");

                // then: Sietch's commands answer through the host's session
                assertThat(discord.awaitCall("POST", p -> p.contains("/interactions/" + id + "/"), Duration.ofSeconds(5))
                        .json().getObject("data").getString("content")).startsWith("You are **#65**");
            }
            assertThat(host.getStatus()).isEqualTo(net.dv8tion.jda.api.JDA.Status.CONNECTED);
            assertThat(host.getRegisteredListeners()).isEmpty();
        } finally {
            host.shutdownNow();
        }
    }

    private static WalletAddress wallet(int n) {
        return BotFixture.wallet(n);
    }

    private SietchBot.Sources sources() {
        return BotFixture.sources(store);
    }

    private SietchBot connect() throws InterruptedException {
        return connect(FakeDiscord.TOKEN);
    }

    private SietchBot connect(String token) throws InterruptedException {
        return connect(token, DiscordSettings.Roles.COLLABLAND);
    }

    private SietchBot connect(String token, DiscordSettings.Roles roles) throws InterruptedException {
        return BotFixture.connect(discord, store, token, roles, DiscordSettings.Channels.NONE);
    }

    @Test
    void registersItsCommandsOnce_andNotAgainWhenUnchanged() throws Exception {
        try (var bot = connect()) {
            assertThat(bot.commandsWritten()).isTrue();
        }
        try (var bot = connect()) {
            assertThat(bot.commandsWritten()).isFalse();
        }
        assertThat(discord.calls("PUT", p -> p.endsWith("/guilds/" + GUILD + "/commands"))).hasSize(1);
        var registered = discord.calls("PUT", p -> p.endsWith("/commands")).getFirst().jsonArray();
        assertThat(registered.stream(net.dv8tion.jda.api.utils.data.DataArray::getObject).map(c -> c.getString("name")))
                .containsExactly("position", "stats", "badges", "profile", "leaderboard", "naib", "threshold", "register-waitlist",
                        "admin-badge", "directory", "alerts");
    }

    @Test
    void aStaleOrUnknownButtonIsAnsweredPrivately_notLeftToFail() throws Exception {
        try (var bot = connect()) {
            long stale = discord.button(MEMBER, "census:refresh:1");
            long foreign = discord.button(MEMBER, "not a sietch id");

            for (long id : new long[] {stale, foreign}) {
                DataObject reply = discord.awaitCall("POST", p -> p.contains("/interactions/" + id + "/"),
                        Duration.ofSeconds(5)).json();
                assertThat(reply.getInt("type")).isEqualTo(4);
                assertThat(reply.getObject("data").getInt("flags")).isEqualTo(64);
                assertThat(reply.getObject("data").getString("content"))
                        .isEqualTo("This button is no longer available. Run the command again.");
            }
        }
    }

    @Test
    void keepsAnsweringAfterTheGatewayDropsAndResumes() throws Exception {
        try (var bot = connect()) {
            discord.dropGateway();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (discord.resumes() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(discord.resumes()).isEqualTo(1);
            assertThat(discord.identifies()).isEqualTo(1); // resumed, not a new session

            long id = discord.slashCommand(MEMBER, "position");
            assertThat(discord.awaitCall("POST", p -> p.contains("/interactions/" + id + "/"), Duration.ofSeconds(10))
                    .json().getObject("data").getString("content")).startsWith("You are **#65**");
        }
    }

    @Test
    void positionAnswersTheCallerPrivately_withExactDistances() throws Exception {
        try (var bot = connect()) {
            assertThat(bot.commandsWritten()).isTrue();
            long id = discord.slashCommand(MEMBER, "position");

            var callback = discord.awaitCall("POST", p -> p.contains("/interactions/" + id + "/"), Duration.ofSeconds(5));
            DataObject reply = callback.json();
            assertThat(reply.getInt("type")).isEqualTo(4); // a message, sent at once
            assertThat(reply.getObject("data").getInt("flags")).isEqualTo(64); // ephemeral
            assertThat(reply.getObject("data").getString("content")).isEqualTo("""
                    You are **#65** with **135 BGT**.
                    • 1 BGT behind #64
                    • 1 BGT ahead of #66
                    You are at risk: ranks 63–69 are the last Fedaykin places.""");
        }
    }

    @Test
    void anAccountWithoutALinkedWalletIsToldToVerify_andAnUnknownCommandIsAnswered() throws Exception {
        try (var bot = connect()) {
            assertThat(bot.commandsWritten()).isTrue();
            long stranger = discord.slashCommand(STRANGER, "position");
            long unknown = discord.slashCommand(MEMBER, "teleport");

            assertThat(discord.awaitCall("POST", p -> p.contains("/interactions/" + stranger + "/"), Duration.ofSeconds(5))
                    .json().getObject("data").getString("content"))
                    .isEqualTo("No wallet is linked to your account. Link one with /verify.");
            assertThat(discord.awaitCall("POST", p -> p.contains("/interactions/" + unknown + "/"), Duration.ofSeconds(5))
                    .json().getObject("data").getString("content")).isEqualTo("This command is not available.");
        }
    }
}
