package dev.sietch.discord.internal.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.port.Members;
import dev.sietch.discord.BotFixture;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SietchBot;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** Interactions through the real JDA: handled off the event thread, in their log context, counted and timed. */
final class InteractionRouterTest {

    private static final long MEMBER = 700_000_000_000_000_071L;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        discord.addMember(MEMBER, "member");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        discord.close();
    }

    private SietchBot connect(Members members) throws InterruptedException {
        var plain = BotFixture.sources(store);
        var community = plain.community();
        var sources = new SietchBot.Sources(new SietchBot.Community(members, community.links(), community.seats(),
                community.rankings(), community.policy(), community.health(), community.notifications(), community.audit(),
                community.waitlist()), plain.social(), plain.outbox(), plain.state(), plain.linking(), plain.onboarding(),
                plain.editing(), plain.clock());
        return BotFixture.connect(discord, sources, meters, FakeDiscord.TOKEN, DiscordSettings.Roles.COLLABLAND,
                DiscordSettings.Channels.NONE);
    }

    private DataObject callback(long interaction) throws InterruptedException {
        return discord.awaitCall("POST", p -> p.contains("/interactions/" + interaction + "/"), Duration.ofSeconds(5)).json();
    }

    private double count(String command, String outcome) {
        Counter counter = meters.find("sietch.discord.commands").tags("command", command, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The members port as the store has it, but noting on which thread and in which log context each call runs. */
    private Members observed(Map<String, Object> seen) {
        Members real = store.members();
        return (Members) Proxy.newProxyInstance(Members.class.getClassLoader(), new Class<?>[] {Members.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("byDiscordId")) {
                        seen.put("thread", Thread.currentThread());
                        seen.put("interaction", String.valueOf(MDC.get(InteractionRouter.INTERACTION)));
                        seen.put("command", String.valueOf(MDC.get(InteractionRouter.COMMAND)));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Members failing() {
        return (Members) Proxy.newProxyInstance(Members.class.getClassLoader(), new Class<?>[] {Members.class},
                (proxy, method, args) -> {
                    throw new IllegalStateException("the store is unavailable");
                });
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("reached within 5 s").isTrue();
    }

    @Test
    void runsHandlersOnVirtualThreads_withTheInteractionInTheLogContext() throws Exception {
        // given
        var seen = new ConcurrentHashMap<String, Object>();
        try (var bot = connect(observed(seen))) {
            // when
            long id = discord.slashCommand(MEMBER, "leaderboard");

            // then
            assertThat(callback(id).getObject("data").getString("content"))
                    .isEqualTo("Complete your Sietch profile first to see the leaderboard.");
            var thread = (Thread) seen.get("thread");
            assertThat(thread.isVirtual()).as("a virtual thread").isTrue();
            assertThat(thread.getName()).startsWith("sietch-interaction-").doesNotContain("JDA");
            assertThat(seen).containsEntry("interaction", Long.toString(id)).containsEntry("command", "leaderboard");
        }
    }

    @Test
    void countsEachInteractionByCommandAndOutcome_andTimesIt() throws Exception {
        try (var bot = connect(store.members())) {
            // when
            callback(discord.slashCommand(MEMBER, "leaderboard"));
            callback(discord.slashCommand(MEMBER, "leaderboard"));
            callback(discord.button(MEMBER, "directory:refresh:1:all:nym"));
            callback(discord.button(MEMBER, "census:refresh:1"));
            callback(discord.slashCommand(MEMBER, "teleport"));

            // then
            await(() -> count("leaderboard", "ok") == 2);
            await(() -> count("directory.component", "ok") == 1);
            await(() -> count("unknown.component", "expired") == 1);
            await(() -> count("unknown", "unknown") == 1);
            assertThat(meters.get("sietch.discord.command.duration").tag("command", "leaderboard").timer().count())
                    .isEqualTo(2);
        }
    }

    @Test
    void aFailingHandlerIsCountedAsAnError_andTheMemberStillGetsAnAnswer() throws Exception {
        try (var bot = connect(failing())) {
            // when
            long id = discord.slashCommand(MEMBER, "leaderboard");

            // then
            DataObject reply = callback(id);
            assertThat(reply.getObject("data").getString("content")).isEqualTo(CommandRegistry.FAILED);
            assertThat(reply.getObject("data").getInt("flags")).isEqualTo(64);
            await(() -> count("leaderboard", "error") == 1);
            assertThat(count("leaderboard", "ok")).isZero();
        }
    }
}
