package dev.sietch.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.discord.fake.FakeDiscord;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JDA client against the fake Discord: login, READY, the guild, members, roles, resume, 429. */
final class FakeDiscordTest {

    private static final long GUILD = 800_000_000_000_000_001L;

    private FakeDiscord discord;
    private JDA jda;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(GUILD);
        var naib = discord.addRole("Naib");
        discord.addRole("Fedaykin");
        discord.addMember(700_000_000_000_000_001L, "alice", naib.id());
        discord.addMember(700_000_000_000_000_002L, "bob");
        discord.addTextChannel("announcements");
        jda = discord.endpoints().applyTo(JDABuilder.createLight(FakeDiscord.TOKEN, EnumSet.of(GatewayIntent.GUILD_MEMBERS)))
                .setMemberCachePolicy(MemberCachePolicy.ALL)
                .setChunkingFilter(ChunkingFilter.ALL)
                .build();
        // bounded: a payload JDA cannot read would otherwise leave the guild pending for 75 s
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (jda.getStatus() != JDA.Status.CONNECTED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jda.getStatus()).as("JDA ready within 15 s").isEqualTo(JDA.Status.CONNECTED);
    }

    @AfterEach
    void stop() throws Exception {
        if (jda != null) {
            jda.shutdownNow();
            jda.awaitShutdown(Duration.ofSeconds(5));
        }
        discord.close();
    }

    @Test
    void jdaLogsInAndSeesTheGuildWithItsRolesMembersAndChannels() {
        var guild = jda.getGuildById(GUILD);

        assertThat(guild).isNotNull();
        assertThat(guild.getRolesByName("Naib", false)).hasSize(1);
        assertThat(guild.getMemberById(700_000_000_000_000_001L).getRoles()).extracting(r -> r.getName()).containsExactly("Naib");
        assertThat(guild.getMembers()).hasSize(3); // two members and the bot
        assertThat(guild.getTextChannelsByName("announcements", false)).hasSize(1);
        assertThat(discord.calls("GET", p -> p.endsWith("/users/@me"))).hasSize(1);
        assertThat(discord.identifies()).isEqualTo(1);
    }

    @Test
    void restCallsReachTheFakeAndARoleChangeIsRecorded() throws Exception {
        var guild = jda.getGuildById(GUILD);
        var fedaykin = guild.getRolesByName("Fedaykin", false).getFirst();

        guild.addRoleToMember(guild.getMemberById(700_000_000_000_000_002L), fedaykin).complete();

        assertThat(discord.calls("PUT", p -> p.contains("/members/700000000000000002/roles/" + fedaykin.getId()))).hasSize(1);
        assertThat(discord.member(700_000_000_000_000_002L).orElseThrow().roles()).containsExactly(fedaykin.getIdLong());
    }

    @Test
    void a429IsRetriedAfterItsDelay() {
        var guild = jda.getGuildById(GUILD);
        var naib = guild.getRolesByName("Naib", false).getFirst();
        discord.rateLimitNext(1, Duration.ofMillis(300));

        long started = System.nanoTime();
        guild.removeRoleFromMember(guild.getMemberById(700_000_000_000_000_001L), naib).complete();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(250);
        assertThat(discord.calls("DELETE", p -> p.contains("/roles/" + naib.getId()))).hasSize(2);
        assertThat(discord.member(700_000_000_000_000_001L).orElseThrow().roles()).isEmpty();
    }

    @Test
    void aDroppedGatewayIsResumed() throws Exception {
        discord.dropGateway();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (discord.resumes() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(discord.resumes()).isEqualTo(1);
        assertThat(discord.identifies()).isEqualTo(1);
        jda.awaitStatus(JDA.Status.CONNECTED);
    }
}
