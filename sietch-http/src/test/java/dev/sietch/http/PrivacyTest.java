package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With a populated database (ranked wallets, linked members with profiles, Naib
 * seats current and former, badges, waitlist registrations, threshold history), every public route
 * is called and no response correlates a nym or member id with a wallet, a Discord id, an exact
 * rank or an exact amount.
 */
final class PrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern SNOWFLAKE = Pattern.compile("(?<![0-9])[0-9]{17,19}(?![0-9])");
    /** Routes that serve public chain data about wallets by design (Collab.Land, the waitlist check). */
    private static final Set<String> WALLET_ROUTES =
            Set.of("/eligibility", "/eligibility/{address}", "/api/waitlist/status/{address}");
    /** Keys that must never sit in an object that names a member. */
    private static final Set<String> MEMBER_FORBIDDEN = Set.of("rank", "position", "bgt", "bgt_held", "held", "amount",
            "address", "address_display", "wallet", "wallet_address", "discord_user_id", "discordUserId",
            "bgt_at_seating", "bgt_at_unseating", "distance_to_entry", "distance_to_above", "distance_to_below");

    private static final int[] MEMBER_NUMBERS = {1, 2, 3, 8, 40, 65, 69};

    @RegisterExtension
    final TestApi api = new TestApi();
    private final List<MemberProfile> members = new ArrayList<>();

    @BeforeEach
    void populate() {
        api.rank(120);
        api.clock.advance(Duration.ofHours(6));
        api.rank(120);
        for (int n : MEMBER_NUMBERS) {
            members.add(api.member(n, "nym" + n, true));
        }
        members.add(api.member(75, "waiting75", false)); // not onboarded: never public
        var seats = api.store.naibSeats();
        seats.seat(members.get(0).memberId(), 1, api.store.rankings().atRank(1).orElseThrow().held(), api.clock.instant());
        seats.seat(members.get(1).memberId(), 2, api.store.rankings().atRank(2).orElseThrow().held(), api.clock.instant());
        var former = seats.seat(members.get(2).memberId(), 3, api.store.rankings().atRank(3).orElseThrow().held(),
                api.clock.instant().minus(Duration.ofDays(2)));
        seats.unseat(former.id(), "bumped", Optional.of(members.get(1).memberId()),
                api.store.rankings().atRank(3).orElseThrow().held(), api.clock.instant().minus(Duration.ofDays(1)));
        api.store.waitlist().register(DiscordUserId.of(TestApi.discordId(71)), TestApi.wallet(71), 71,
                api.store.rankings().atRank(71).orElseThrow().held(), api.clock.instant());
    }

    @Test
    void noPublicResponseTiesAMemberToAWalletDiscordIdRankOrAmount() throws Exception {
        var awarded = api.admin("POST", "/admin/badges/award", "{\"member_id\":\"" + members.get(3).memberId()
                + "\",\"badge_id\":\"helper\",\"awarded_by\":\"council\"}");
        assertThat(awarded.statusCode()).isEqualTo(201);

        int checked = 0;
        for (String route : publicRoutes()) {
            for (String path : concretePaths(route)) {
                var response = api.get(path);
                String body = response.body();
                String where = route + " as " + path + " -> " + response.statusCode();
                assertThat(response.statusCode()).as(where).isLessThan(500);
                for (int n : MEMBER_NUMBERS) {
                    assertThat(body).as(where).doesNotContain(TestApi.discordId(n));
                }
                if (WALLET_ROUTES.contains(route)) {
                    for (MemberProfile member : members) {
                        assertThat(body).as(where).doesNotContain(member.memberId().value()).doesNotContain("\"" + member.nym() + "\"");
                    }
                } else {
                    // (the wallet routes print exact amounts, whose decimals can run to 18 digits)
                    assertThat(SNOWFLAKE.matcher(body).find()).as(where + " carries a Discord id: " + body).isFalse();
                    assertThat(ADDRESS.matcher(body).find()).as(where + " carries a wallet: " + body).isFalse();
                }
                // the OpenAPI document's schemas name the leaderboard's keys (rank next to nym) and hold no values
                if ((body.startsWith("{") || body.startsWith("[")) && !route.equals("/openapi.json")) {
                    walk(JSON.readTree(body), route, where);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    /** Every object naming a member (nym or member_id) carries no wallet, Discord id, rank or amount. */
    private static void walk(JsonNode node, String route, String where) {
        if (node.isObject()) {
            if (node.has("nym") || node.has("member_id")) {
                node.fieldNames().forEachRemaining(key -> {
                    boolean leaderboardPlace = route.equals("/api/leaderboard") && key.equals("rank");
                    assertThat(MEMBER_FORBIDDEN.contains(key) && !leaderboardPlace)
                            .as(where + ": '" + key + "' next to a member in " + node).isFalse();
                });
            }
            node.elements().forEachRemaining(child -> walk(child, route, where));
        } else if (node.isArray()) {
            if (route.equals("/api/leaderboard") && node.size() > 0 && node.get(0).has("nym")) {
                // the leaderboard's rank is the place in that list (by badges held) and nothing more
                for (int i = 0; i < node.size(); i++) {
                    assertThat(node.get(i).path("rank").asInt()).as(where).isEqualTo(i + 1);
                }
            }
            node.elements().forEachRemaining(child -> walk(child, route, where));
        }
    }

    private List<String> publicRoutes() throws Exception {
        JsonNode document = JSON.readTree(api.get("/openapi.json").body());
        var routes = new ArrayList<String>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (op.getKey().equals("get") && op.getValue().path("security").isEmpty()) {
                routes.add(path.getKey());
            }
        }));
        assertThat(routes).contains("/api/naib", "/api/directory", "/api/members/{nym}", "/eligibility/{address}");
        return routes;
    }

    private List<String> concretePaths(String route) {
        var paths = new ArrayList<String>();
        if (route.contains("{address}")) {
            for (int rank : new int[] {1, 3, 65, 71, 75, 119}) {
                paths.add(route.replace("{address}", TestApi.wallet(rank).value()));
            }
            paths.add(route.replace("{address}", "not-an-address"));
        } else if (route.contains("{nym}")) {
            members.forEach(m -> paths.add(route.replace("{nym}", m.nym())));
            paths.add(route.replace("{nym}", "nobody"));
        } else if (route.contains("{file}")) { // avatars
            members.forEach(m -> paths.add(route.replace("{file}", m.memberId() + ".svg")));
            paths.add(route.replace("{file}", "bad.png"));
        } else if (route.contains("{memberId}")) {
            members.forEach(m -> paths.add(route.replace("{memberId}", m.memberId().value())));
            paths.add(route.replace("{memberId}", "bad"));
        } else {
            paths.add(route);
            if (route.equals("/api/directory")) {
                paths.add(route + "?sort_by=badgeCount&sort_dir=desc&page_size=50");
                paths.add(route + "?tier=naib");
                paths.add(route + "?badge_id=helper");
                paths.add(route + "?page=0");
            }
            if (route.equals("/api/leaderboard")) {
                paths.add(route + "?limit=100");
            }
        }
        return paths;
    }
}
