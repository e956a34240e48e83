package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.PictureSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Profiles, directory, badges and leaderboard (#15-#19) over real HTTP on a real store. */
final class MemberRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TestApi api = new TestApi();

    @BeforeEach
    void start() {
        api.rank(100);
    }

    @Test
    void publicProfileByNym_caseInsensitive_onlyOnboarded() throws Exception {
        var alice = api.member(3, "Alice", true);
        api.member(4, "Member_ABC123", false);

        var found = api.get("/api/members/alice");

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).isEqualTo("{\"member_id\":\"" + alice.memberId() + "\",\"nym\":\"Alice\","
                + "\"bio\":\"bio of Alice\",\"pfp_url\":null,\"tier\":\"naib\",\"member_since\":\"2026-11-26T12:00:00.000Z\","
                + "\"tenure_category\":\"member\",\"badge_count\":0}");
        for (String path : List.of("/api/members/Member_ABC123", "/api/members/nobody")) {
            var missing = api.get(path);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("{\"error\":\"Member not found\"}");
        }
        assertThat(api.get("/api/members/").statusCode()).isEqualTo(404);
    }

    @Test
    void ownProfileNeedsTheMembersToken_notAHeader() throws Exception {
        var bob = api.member(9, "bob", false);

        var anonymous = api.get("/api/profile", "X-Member-Nym", "bob");
        var own = api.asMember(9, "GET", "/api/profile", null);
        var stranger = api.asMember(10, "GET", "/api/profile", null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"error\":\"Authentication required\"}");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"member_id\":\"" + bob.memberId() + "\"", "\"nym\":\"bob\"");
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).isEqualTo("{\"error\":\"Profile not found\"}");
    }

    @Test
    void directoryFiltersBeforePaginating_andCountsWhatMatches() throws Exception {
        // given: 5 members who joined at launch (og) and 7 who joined 100 days ago (veteran)
        api.clock.set(java.time.Instant.parse("2025-01-05T00:00:00Z"));
        for (int i = 1; i <= 5; i++) {
            api.member(10 + i, "og" + i, true);
        }
        api.clock.set(TestApi.START.minus(Duration.ofDays(100)));
        for (int i = 1; i <= 7; i++) {
            api.member(20 + i, "vet" + i, true);
        }
        api.clock.set(TestApi.START);

        // when: page 2 of veterans, 3 per page
        JsonNode page = JSON.readTree(api.get("/api/directory?tenure_category=veteran&page=2&page_size=3").body());

        // then: the count is of all veterans, and the page holds veterans 4-6 (by nym)
        assertThat(page.path("total").asInt()).isEqualTo(7);
        assertThat(page.path("total_pages").asInt()).isEqualTo(3);
        assertThat(page.path("page").asInt()).isEqualTo(2);
        assertThat(nyms(page)).containsExactly("vet4", "vet5", "vet6");
        assertThat(nyms(JSON.readTree(api.get("/api/directory?tenure_category=og&sort_dir=desc").body())))
                .containsExactly("og5", "og4", "og3", "og2", "og1");
        assertThat(JSON.readTree(api.get("/api/directory?page=9").body()).path("members").size()).isZero();
        assertThat(JSON.readTree(api.get("/api/directory?badge_id=unknown").body()).path("total").asInt()).isZero();
    }

    @Test
    void directorySortsByBadgesWithAStableTieBreak() throws Exception {
        var a = api.member(31, "aa", true);
        api.member(32, "bb", true);
        var c = api.member(33, "cc", true);
        award(c.memberId().value(), "helper");
        award(c.memberId().value(), "contributor");
        award(a.memberId().value(), "helper");

        JsonNode page = JSON.readTree(api.get("/api/directory?sort_by=badgeCount&sort_dir=desc").body());
        JsonNode helpers = JSON.readTree(api.get("/api/directory?badge_id=helper").body());

        assertThat(nyms(page)).containsExactly("cc", "aa", "bb");
        assertThat(nyms(helpers)).containsExactly("aa", "cc");
        assertThat(page.path("members").get(0).path("badge_count").asInt()).isEqualTo(2);
    }

    @Test
    void directoryValidatesItsQueryInFieldOrder() throws Exception {
        var response = api.get("/api/directory?page=0&page_size=51&tier=sandworm&sort_by=bgt&limit=5&search=x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"Number must be greater than or equal to 1, "
                + "Number must be less than or equal to 50, Invalid enum value. Expected 'naib' | 'fedaykin', "
                + "received 'sandworm', Invalid enum value. Expected 'nym' | 'tenure' | 'badgeCount', received 'bgt'\"}");
        assertThat(api.get("/api/directory?page_size=1.5").body()).isEqualTo("{\"error\":\"Expected integer, received float\"}");
    }

    @Test
    void badgeCatalogueInThePredecessorsOrder() throws Exception {
        JsonNode badges = JSON.readTree(api.get("/api/badges").body()).path("badges");

        var ids = new ArrayList<String>();
        badges.forEach(b -> ids.add(b.path("id").asText()));
        assertThat(ids).containsExactly("helper", "contributor", "consistent", "dedicated", "devoted",
                "founding_fedaykin", "founding_naib", "og", "veteran", "elder");
        assertThat(badges.get(0).toString()).isEqualTo("{\"id\":\"helper\",\"name\":\"Helper\","
                + "\"description\":\"Helped community members\",\"emoji\":\"\uD83E\uDD1D\",\"category\":\"contribution\"}");
        assertThat(Badge.CATALOGUE).hasSize(10);
    }

    @Test
    void leaderboardRanksByBadgesThenTenure_withTheLimitRules() throws Exception {
        api.clock.advance(Duration.ofMinutes(-10));
        var older = api.member(41, "older", true);
        api.clock.advance(Duration.ofMinutes(10));
        api.member(42, "newer", true);
        var star = api.member(43, "star", true);
        api.member(44, "hidden", false);
        award(star.memberId().value(), "helper");

        var board = api.get("/api/leaderboard?limit=2abc");

        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).isEqualTo("{\"entries\":["
                + "{\"rank\":1,\"nym\":\"star\",\"pfp_url\":null,\"tier\":\"fedaykin\",\"badge_count\":1,\"tenure_category\":\"member\"},"
                + "{\"rank\":2,\"nym\":\"older\",\"pfp_url\":null,\"tier\":\"fedaykin\",\"badge_count\":0,\"tenure_category\":\"member\"}"
                + "],\"total_members\":3}");
        assertThat(older.memberId().value()).isNotBlank();
        for (String bad : List.of("0", "101", "abc", "-1")) {
            var response = api.get("/api/leaderboard?limit=" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"Limit must be between 1 and 100\"}");
        }
        assertThat(JSON.readTree(api.get("/api/leaderboard?limit=").body()).path("entries").size()).isEqualTo(3);
    }

    @Test
    void aPictureUrlThatCarriesADiscordIdIsNotShown() throws Exception {
        api.store.walletLinks().link(DiscordUserId.of(TestApi.discordId(50)), TestApi.wallet(50), api.clock.instant());
        var created = api.store.members().create(new dev.sietch.core.port.Members.NewProfile(DiscordUserId.of(TestApi.discordId(50)), "pic",
                dev.sietch.core.model.Role.FEDAYKIN, java.util.Optional.empty(),
                java.util.Optional.of("https://cdn.discordapp.com/avatars/" + TestApi.discordId(50) + "/a.png"), PictureSource.CUSTOM),
                api.clock.instant());
        api.store.members().completeOnboarding(created.memberId(), api.clock.instant());

        assertThat(api.get("/api/members/pic").body()).contains("\"pfp_url\":null").doesNotContain(TestApi.discordId(50));
    }

    private void award(String memberId, String badge) throws Exception {
        var response = api.admin("POST", "/admin/badges/award",
                "{\"member_id\":\"" + memberId + "\",\"badge_id\":\"" + badge + "\",\"awarded_by\":\"council\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static List<String> nyms(JsonNode page) {
        var nyms = new ArrayList<String>();
        page.path("members").forEach(m -> nyms.add(m.path("nym").asText()));
        return nyms;
    }
}
