package dev.sietch.discord.internal.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.DynamicRole;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import dev.sietch.discord.BotFixture;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SettableClock;
import dev.sietch.discord.SietchBot;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roles that follow from standing, given and taken on the fake guild. */
final class MemberRolesTest {

    private static final long HELPER = 700_000_000_000_000_041L;
    private static final long LAPSED = 700_000_000_000_000_042L;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private SqliteStore store;
    private FakeDiscord.Role onboarded;
    private FakeDiscord.Role engaged;
    private FakeDiscord.Role veteran;
    private FakeDiscord.Role trusted;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        onboarded = discord.addRole("Onboarded");
        engaged = discord.addRole("Engaged");
        veteran = discord.addRole("Veteran");
        trusted = discord.addRole("Trusted");
        discord.addMember(HELPER, "helper");
        discord.addMember(LAPSED, "lapsed", engaged.id(), veteran.id(), onboarded.id());
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        var helper = store.members().create(new Members.NewProfile(new DiscordUserId(HELPER), "Harah", Role.FEDAYKIN,
                Optional.empty(), Optional.empty(), "none"), BotFixture.NOW);
        store.members().completeOnboarding(helper.memberId(), BotFixture.NOW);
        store.memberBadges().award(helper.memberId(), Badge.HELPER, "admin", Optional.empty(), "admin", BotFixture.NOW);
        var lapsed = store.members().create(new Members.NewProfile(new DiscordUserId(LAPSED), "Farok", Role.FEDAYKIN,
                Optional.empty(), Optional.empty(), "none"), BotFixture.NOW);
        store.members().completeOnboarding(lapsed.memberId(), BotFixture.NOW);
        store.activity().awardAutomatic(lapsed.memberId(), EnumSet.of(Badge.OG), BotFixture.NOW);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        discord.close();
    }

    @Test
    void givesWhatMembersQualifyFor_takesWhatTheyLost_butNeverVeteran() throws Exception {
        var roles = new DiscordSettings.Roles(DiscordSettings.Roles.Mode.COLLABLAND, OptionalLong.empty(),
                OptionalLong.empty(), Map.of(DynamicRole.ONBOARDED, onboarded.id(), DynamicRole.ENGAGED, engaged.id(),
                        DynamicRole.VETERAN, veteran.id(), DynamicRole.TRUSTED, trusted.id()));
        try (var bot = BotFixture.connect(discord, BotFixture.sources(store, new SettableClock(BotFixture.NOW)),
                FakeDiscord.TOKEN, roles, DiscordSettings.Channels.NONE)) {
            var result = bot.syncMemberRoles();
            assertThat(result).isEqualTo(new SietchBot.RoleSyncResult(2, 1, 0));
        }
        assertThat(discord.member(HELPER).orElseThrow().roles()).containsExactlyInAnyOrder(onboarded.id(), trusted.id());
        // Engaged lost (1 badge, no activity); Veteran kept although not (yet) qualified: it is never taken away
        assertThat(discord.member(LAPSED).orElseThrow().roles()).containsExactlyInAnyOrder(onboarded.id(), veteran.id());
    }
}
