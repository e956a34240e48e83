package dev.sietch.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.DynamicRole;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import dev.sietch.discord.fake.FakeDiscord;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /directory (pages, filters, sorts in the buttons), /admin-badge and nym and badge suggestions, through the real JDA. */
final class CommunityCommandsTest {

    private static final long ADMIN = 700_000_000_000_000_041L;
    private static final long VIEWER = 700_000_000_000_000_042L;
    private static final long OUTSIDER = 700_000_000_000_000_043L;
    /** Discord's Administrator permission bit. */
    private static final long ADMINISTRATOR = 8;

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private FakeDiscord.Role trusted;
    private SqliteStore store;
    private SietchBot bot;
    private final List<MemberProfile> members = new ArrayList<>();
    private final SettableClock clock = new SettableClock(BotFixture.NOW);

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord(BotFixture.GUILD);
        discord.addTextChannel("general");
        var admins = discord.addRole("Admins", ADMINISTRATOR);
        trusted = discord.addRole("Trusted");
        discord.addMember(ADMIN, "admin", admins.id());
        discord.addMember(VIEWER, "viewer");
        discord.addMember(OUTSIDER, "outsider");
        store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
        // 23 onboarded members: 3 Naib, 20 Fedaykin, joined one day apart (Member00 the oldest)
        for (int i = 0; i < 23; i++) {
            var profile = store.members().create(new Members.NewProfile(new DiscordUserId(800_000_000_000_000_000L + i),
                    String.format("Member%02d", i), i < 3 ? Role.NAIB : Role.FEDAYKIN, Optional.empty(), Optional.empty(),
                    PictureSource.NONE), BotFixture.NOW.minus(Duration.ofDays(100 - i)));
            store.members().completeOnboarding(profile.memberId(), BotFixture.NOW);
            members.add(profile);
        }
        var viewer = store.members().create(new Members.NewProfile(new DiscordUserId(VIEWER), "Viewer", Role.FEDAYKIN,
                Optional.empty(), Optional.empty(), PictureSource.NONE), BotFixture.NOW);
        store.members().completeOnboarding(viewer.memberId(), BotFixture.NOW);
        discord.addMember(800_000_000_000_000_007L, "member07");
        store.members().create(new Members.NewProfile(DiscordUserId.of("900"), "Hidden", Role.FEDAYKIN, Optional.empty(), Optional.empty(),
                PictureSource.NONE), BotFixture.NOW); // not onboarded: never listed, never suggested
        store.memberBadges().award(members.get(20).memberId(), Badge.HELPER, "admin", Optional.empty(), "admin", BotFixture.NOW);
        store.memberBadges().award(members.get(20).memberId(), Badge.CONTRIBUTOR, "admin", Optional.empty(), "admin", BotFixture.NOW);
        store.memberBadges().award(members.get(5).memberId(), Badge.HELPER, "admin", Optional.empty(), "admin", BotFixture.NOW);
        bot = BotFixture.connect(discord, BotFixture.sources(store, clock), FakeDiscord.TOKEN,
                new DiscordSettings.Roles(DiscordSettings.Roles.Mode.COLLABLAND, OptionalLong.empty(), OptionalLong.empty(),
                        Map.of(DynamicRole.TRUSTED, trusted.id())), DiscordSettings.Channels.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        store.close();
        discord.close();
    }

    private DataObject callback(long interaction) throws InterruptedException {
        return discord.awaitCall("POST", p -> p.contains("/interactions/" + interaction + "/"), Duration.ofSeconds(5)).json();
    }

    private static List<String> lines(DataObject callback) {
        String description = callback.getObject("data").getArray("embeds").getObject(0).getString("description");
        return List.of(description.split("\n"));
    }

    private static String footer(DataObject callback) {
        return callback.getObject("data").getArray("embeds").getObject(0).getObject("footer").getString("text");
    }

    /** The custom id of the button labelled {@code label} in the callback's message. */
    private static String button(DataObject callback, String label) {
        DataArray rows = callback.getObject("data").getArray("components");
        for (int r = 0; r < rows.length(); r++) {
            DataArray row = rows.getObject(r).getArray("components");
            for (int c = 0; c < row.length(); c++) {
                DataObject component = row.getObject(c);
                if (label.equals(component.getString("label", null))) {
                    return component.getString("custom_id");
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + callback);
    }

    private static boolean disabled(DataObject callback, String label) {
        DataArray rows = callback.getObject("data").getArray("components");
        for (int r = 0; r < rows.length(); r++) {
            DataArray row = rows.getObject(r).getArray("components");
            for (int c = 0; c < row.length(); c++) {
                if (label.equals(row.getObject(c).getString("label", null))) {
                    return row.getObject(c).getBoolean("disabled");
                }
            }
        }
        throw new AssertionError("no button " + label);
    }

    private static String select(DataObject callback, int row) {
        return callback.getObject("data").getArray("components").getObject(row).getArray("components").getObject(0)
                .getString("custom_id");
    }

    @Test
    void directoryPagesFiltersAndSorts_withTheViewInTheButtons() throws Exception {
        DataObject outsider = callback(discord.slashCommand(OUTSIDER, "directory"));
        assertThat(outsider.getObject("data").getString("content")).startsWith("Complete your Sietch profile first");

        DataObject first = callback(discord.slashCommand(VIEWER, "directory"));
        assertThat(first.getObject("data").getInt("flags") & 64).isEqualTo(64); // only the caller sees it
        assertThat(lines(first)).hasSize(10);
        assertThat(lines(first).getFirst()).startsWith("1. \uD83D\uDC51 **Member00**");
        assertThat(footer(first)).isEqualTo("Page 1/3 • 24 total members");
        assertThat(disabled(first, "Previous")).isTrue();
        assertThat(first.toString()).doesNotContain("Hidden");

        DataObject second = callback(discord.button(VIEWER, button(first, "Next")));
        assertThat(second.getInt("type")).isEqualTo(7); // the message is updated in place
        assertThat(lines(second).getFirst()).startsWith("11. ");
        assertThat(footer(second)).isEqualTo("Page 2/3 • 24 total members");
        DataObject third = callback(discord.button(VIEWER, button(second, "Next")));
        assertThat(lines(third)).hasSize(4);
        assertThat(disabled(third, "Next")).isTrue();
        assertThat(lines(callback(discord.button(VIEWER, button(third, "Previous")))).getFirst()).startsWith("11. ");

        // the tier filter applies before the page is cut, and starts again at page 1
        DataObject naib = callback(discord.select(VIEWER, select(third, 0), "naib"));
        // (joined 100, 99 and 98 days ago: Veteran, with the same emoji as in /profile and /leaderboard)
        assertThat(lines(naib)).containsExactly("1. \uD83D\uDC51 **Member00** \uD83C\uDF96\uFE0F",
                "2. \uD83D\uDC51 **Member01** \uD83C\uDF96\uFE0F", "3. \uD83D\uDC51 **Member02** \uD83C\uDF96\uFE0F");
        assertThat(footer(naib)).isEqualTo("Page 1/1 • 3 total members");

        // "Tenure (Oldest first)" shows the oldest first, as it says
        DataObject byTenure = callback(discord.select(VIEWER, select(first, 1), "tenure"));
        assertThat(lines(byTenure).getFirst()).contains("**Member00**");
        assertThat(lines(byTenure).get(1)).contains("**Member01**");
        DataObject byBadges = callback(discord.select(VIEWER, select(first, 1), "badgeCount"));
        assertThat(lines(byBadges).get(0)).contains("**Member20**").endsWith("(2 badges)");
        assertThat(lines(byBadges).get(1)).contains("**Member05**").endsWith("(1 badge)");

        // a stale button for a page past the end shows the last page
        DataObject clamped = callback(discord.button(VIEWER, "directory:refresh:9:all:nym"));
        assertThat(footer(clamped)).isEqualTo("Page 3/3 • 24 total members");
    }

    @Test
    void adminBadgeAwardsOnlyContributionAndSpecialBadges_andRevokesAnyHeldOne() throws Exception {
        MemberProfile seven = members.get(7);
        DataObject refused = callback(discord.slashCommand(VIEWER, "admin-badge", award("Member07", "helper", "guides")));
        assertThat(refused.getObject("data").getString("content")).isEqualTo("Only administrators can award or revoke badges.");

        DataObject awarded = callback(discord.slashCommand(ADMIN, "admin-badge", award("member07", "helper", "guides newcomers")));
        assertThat(awarded.getObject("data").getString("content"))
                .isEqualTo("✅ Awarded **Helper** badge to **Member07**.\n*Reason: guides newcomers*");
        assertThat(store.memberBadges().held(seven.memberId())).extracting(h -> h.badge()).containsExactly(Badge.HELPER);
        // the member's roles follow at once: Trusted comes with a contribution badge
        discord.awaitCall("PUT", p -> p.endsWith("/members/" + 800_000_000_000_000_007L + "/roles/" + trusted.id()),
                Duration.ofSeconds(5));

        assertThat(callback(discord.slashCommand(ADMIN, "admin-badge", award("Member07", "helper", "again")))
                .getObject("data").getString("content")).isEqualTo("Member07 already holds \"Helper\".");
        assertThat(callback(discord.slashCommand(ADMIN, "admin-badge", award("Member07", "veteran", "no")))
                .getObject("data").getString("content")).contains("earned automatically");
        assertThat(callback(discord.slashCommand(ADMIN, "admin-badge", award("Nobody", "helper", "no")))
                .getObject("data").getString("content")).isEqualTo("No member found with the nym \"Nobody\".");
        assertThat(callback(discord.slashCommand(ADMIN, "admin-badge", award("Member07", "wizard", "no")))
                .getObject("data").getString("content")).isEqualTo("Badge \"wizard\" not found.");

        assertThat(callback(discord.slashCommand(ADMIN, "admin-badge", revoke("Member07", "helper")))
                .getObject("data").getString("content")).isEqualTo("✅ Revoked **Helper** badge from **Member07**.");
        assertThat(store.memberBadges().held(seven.memberId())).isEmpty();
        assertThat(callback(discord.slashCommand(ADMIN, "admin-badge", revoke("Member07", "helper")))
                .getObject("data").getString("content")).contains("they do not hold it");
        assertThat(store.auditLog().recent(10, Optional.of("admin_badge_award"), Optional.empty())).hasSize(4);
        assertThat(store.auditLog().recent(10, Optional.of("admin_badge_revoke"), Optional.empty())).hasSize(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // written once Discord answered
        while (store.auditLog().recent(10, Optional.of("role_assigned"), Optional.empty()).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.auditLog().recent(10, Optional.of("role_assigned"), Optional.empty())).singleElement()
                .satisfies(r -> assertThat(r.dataJson()).contains(seven.memberId().value(), "\"role\":\"trusted\"")
                        .doesNotContain("800000000000000007"));
    }

    private static DataArray award(String nym, String badge, String reason) {
        return DataArray.empty().add(DataObject.empty().put("type", 1).put("name", "award").put("options", DataArray.empty()
                .add(option("nym", nym, false)).add(option("badge", badge, false)).add(option("reason", reason, false))));
    }

    private static DataArray revoke(String nym, String badge) {
        return DataArray.empty().add(DataObject.empty().put("type", 1).put("name", "revoke").put("options", DataArray.empty()
                .add(option("nym", nym, false)).add(option("badge", badge, false))));
    }

    private static DataObject option(String name, String value, boolean focused) {
        var option = DataObject.empty().put("type", 3).put("name", name).put("value", value);
        return focused ? option.put("focused", true) : option;
    }

    private List<String> suggestions(long interaction) throws InterruptedException {
        DataObject callback = callback(interaction);
        assertThat(callback.getInt("type")).isEqualTo(8);
        DataArray choices = callback.getObject("data").getArray("choices");
        var names = new ArrayList<String>();
        for (int i = 0; i < choices.length(); i++) {
            names.add(choices.getObject(i).getString("name") + "=" + choices.getObject(i).getString("value"));
        }
        return names;
    }

    @Test
    void suggestsNymsAndBadges() throws Exception {
        // /profile: onboarded nyms containing the text, any case, A-Z, at most 25
        assertThat(suggestions(discord.autocomplete(VIEWER, "profile", DataArray.empty().add(DataObject.empty()
                .put("type", 1).put("name", "view").put("options", DataArray.empty().add(option("nym", "ber1", true)))))))
                .containsExactly("Member10=Member10", "Member11=Member11", "Member12=Member12", "Member13=Member13",
                        "Member14=Member14", "Member15=Member15", "Member16=Member16", "Member17=Member17",
                        "Member18=Member18", "Member19=Member19");
        assertThat(suggestions(discord.autocomplete(VIEWER, "badges", DataArray.empty().add(option("nym", "", true)))))
                .hasSize(24).first().isEqualTo("Member00 (\uD83D\uDC51)=Member00");
        assertThat(suggestions(discord.autocomplete(VIEWER, "badges", DataArray.empty().add(option("nym", "hid", true)))))
                .isEmpty(); // not onboarded
        assertThat(suggestions(discord.autocomplete(VIEWER, "badges", DataArray.empty().add(option("nym", "%", true)))))
                .isEmpty(); // taken literally, not as a wildcard

        // /admin-badge award: only contribution and special badges; revoke: what the member holds
        assertThat(suggestions(discord.autocomplete(ADMIN, "admin-badge", DataArray.empty().add(DataObject.empty()
                .put("type", 1).put("name", "award").put("options", DataArray.empty()
                        .add(option("nym", "Member20", false)).add(option("badge", "", true)))))))
                .extracting(s -> s.substring(s.indexOf('=') + 1))
                .containsExactly("helper", "contributor", "founding_fedaykin", "founding_naib");
        assertThat(suggestions(discord.autocomplete(ADMIN, "admin-badge", DataArray.empty().add(DataObject.empty()
                .put("type", 1).put("name", "revoke").put("options", DataArray.empty()
                        .add(option("nym", "Member20", false)).add(option("badge", "contrib", true)))))))
                .containsExactly("\uD83D\uDEE0\uFE0F Contributor (contribution)=contributor");
    }
}
