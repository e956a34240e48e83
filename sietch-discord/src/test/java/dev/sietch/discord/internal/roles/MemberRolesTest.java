package dev.sietch.discord.internal.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.DynamicRole;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import dev.sietch.core.usecase.AwardBadge;
import dev.sietch.core.usecase.MemberChanges;
import dev.sietch.core.usecase.RevokeBadge;
import dev.sietch.discord.BotFixture;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SettableClock;
import dev.sietch.discord.SietchBot;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
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
                Optional.empty(), Optional.empty(), PictureSource.NONE), BotFixture.NOW);
        store.members().completeOnboarding(helper.memberId(), BotFixture.NOW);
        store.memberBadges().award(helper.memberId(), Badge.HELPER, "admin", Optional.empty(), "admin", BotFixture.NOW);
        var lapsed = store.members().create(new Members.NewProfile(new DiscordUserId(LAPSED), "Farok", Role.FEDAYKIN,
                Optional.empty(), Optional.empty(), PictureSource.NONE), BotFixture.NOW);
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

    @Test
    void aBadgeAwardedOutsideTheBot_asTheAdminApiDoes_bringsTheMembersRolesInLine() throws Exception {
        // given: a bot listening on the changes the admin API reports, and a member without the Trusted role
        var roles = new DiscordSettings.Roles(DiscordSettings.Roles.Mode.COLLABLAND, OptionalLong.empty(),
                OptionalLong.empty(), Map.of(DynamicRole.ONBOARDED, onboarded.id(), DynamicRole.TRUSTED, trusted.id()));
        var changes = new MemberChanges();
        var plain = BotFixture.sources(store, new SettableClock(BotFixture.NOW));
        var social = plain.social();
        var sources = new SietchBot.Sources(plain.community(), new SietchBot.Social(social.activity(),
                social.activitySettings(), social.badges(), social.launch(), changes), plain.outbox(), plain.state(),
                plain.linking(), plain.onboarding(), plain.editing(), plain.clock());
        MemberId lapsed = store.members().byDiscordId(new DiscordUserId(LAPSED)).orElseThrow().memberId();
        try (var bot = BotFixture.connect(discord, sources, FakeDiscord.TOKEN, roles, DiscordSettings.Channels.NONE)) {
            assertThat(discord.member(LAPSED).orElseThrow().roles()).doesNotContain(trusted.id());

            // when: the award comes through the use case the admin API calls, not through a command
            var result = new AwardBadge(store.members(), store.memberBadges(), new SettableClock(BotFixture.NOW), changes)
                    .award(lapsed, "helper", "admin", Optional.empty(), "Admin");

            // then
            assertThat(result).isInstanceOf(AwardBadge.Awarded.class);
            discord.awaitCall("PUT", p -> p.endsWith("/members/" + LAPSED + "/roles/" + trusted.id()), Duration.ofSeconds(5));
            assertThat(discord.member(LAPSED).orElseThrow().roles()).contains(trusted.id());
        }

        // and once the bot has stopped, nobody listens any more
        var after = new RevokeBadge(store.members(), store.memberBadges(), new SettableClock(BotFixture.NOW), changes)
                .revoke(lapsed, "helper", "Admin");
        assertThat(after).isInstanceOf(RevokeBadge.Revoked.class);
        assertThat(discord.member(LAPSED).orElseThrow().roles()).contains(trusted.id());
    }
}
