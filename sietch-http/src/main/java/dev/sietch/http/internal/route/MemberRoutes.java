package dev.sietch.http.internal.route;

import dev.sietch.core.model.Badge;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.TenureCategory;
import dev.sietch.core.port.Members;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.HttpError;
import dev.sietch.http.internal.Query;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.MemberBodies;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Profiles, the directory, the badge catalogue and the leaderboard (#15-#19). */
public final class MemberRoutes {

    private final Members members;
    private final Instant launch;

    /** @param launch when the social layer launched (tenure categories) */
    public MemberRoutes(Members members, Instant launch) {
        this.members = members;
        this.launch = launch;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/profile", Route.Access.MEMBER, "The calling member's own profile",
                        MemberBodies.Profile.class, this::ownProfile),
                Route.get("/api/members/{nym}", Route.Access.PUBLIC, "A member's public profile by nym",
                        MemberBodies.Profile.class, this::profile),
                Route.get("/api/directory", Route.Access.PUBLIC, "Onboarded members, filtered, sorted and paginated",
                        MemberBodies.Directory.class, this::directory).withQuery("page", "page_size", "tier", "badge_id",
                        "tenure_category", "sort_by", "sort_dir"),
                Route.get("/api/badges", Route.Access.PUBLIC, "The badge catalogue", MemberBodies.BadgeCatalogue.class,
                        this::badges),
                Route.get("/api/leaderboard", Route.Access.PUBLIC, "Members by badges held",
                        MemberBodies.Leaderboard.class, this::leaderboard).withQuery("limit"));
    }

    private void ownProfile(Call call) {
        MemberProfile member = members.byDiscordId(call.member())
                .orElseThrow(() -> HttpError.notFound("Profile not found"));
        call.ok(Community.profile(member, call.now(), launch));
    }

    /** Only onboarded members are shown (a placeholder profile from the v1 migration is not public). */
    private void profile(Call call) {
        MemberProfile member = members.byNym(call.parameter("nym")).filter(MemberProfile::onboardingComplete)
                .orElseThrow(() -> HttpError.notFound("Member not found"));
        call.ok(Community.profile(member, call.now(), launch));
    }

    private void directory(Call call) {
        var query = new Query();
        int page = query.integer(call.query("page"), 1, 1_000_000, 1);
        int pageSize = query.integer(call.query("page_size"), 1, 50, 20);
        Optional<Role> tier = query.oneOf(call.query("tier"), List.of("naib", "fedaykin")).map(Role::fromWireName);
        Optional<String> badge = call.query("badge_id");
        Optional<TenureCategory> tenure = query.oneOf(call.query("tenure_category"),
                List.of("og", "veteran", "elder", "member")).map(t -> TenureCategory.valueOf(t.toUpperCase(java.util.Locale.ROOT)));
        Members.Sort sort = query.oneOf(call.query("sort_by"), List.of("nym", "tenure", "badgeCount"))
                .map(s -> switch (s) {
                    case "tenure" -> Members.Sort.TENURE;
                    case "badgeCount" -> Members.Sort.BADGE_COUNT;
                    default -> Members.Sort.NYM;
                }).orElse(Members.Sort.NYM);
        boolean descending = query.oneOf(call.query("sort_dir"), List.of("asc", "desc")).map("desc"::equals).orElse(false);
        query.check();
        Members.DirectoryPage result = members.directory(new Members.DirectoryQuery(page, pageSize, tier, badge, tenure,
                sort, descending, call.now(), launch));
        call.ok(new MemberBodies.Directory(
                result.members().stream().map(m -> Community.profile(m, call.now(), launch)).toList(),
                page,
                pageSize,
                result.total(),
                (result.total() + pageSize - 1) / pageSize));
    }

    private void badges(Call call) {
        call.ok(new MemberBodies.BadgeCatalogue(Badge.CATALOGUE.stream().map(b -> new MemberBodies.BadgeInfo(
                b.id(),
                b.displayName(),
                b.description(),
                b.emoji(),
                b.category().wireName())).toList()));
    }

    /**
     * {@code rank} here is the place in this leaderboard (by badges held), not an eligibility rank.
     * {@code limit} is read as JavaScript's parseInt, as clients expect ({@code 2abc} is 2).
     */
    private void leaderboard(Call call) {
        int limit = 20;
        Optional<String> raw = call.query("limit").filter(v -> !v.isEmpty());
        if (raw.isPresent()) {
            java.math.BigInteger value = Query.leadingInteger(raw.get()).orElse(java.math.BigInteger.ZERO);
            if (value.signum() <= 0 || value.compareTo(java.math.BigInteger.valueOf(100)) > 0) {
                throw HttpError.badRequest("Limit must be between 1 and 100");
            }
            limit = value.intValueExact();
        }
        List<MemberProfile> top = members.leaderboard(limit);
        var entries = new java.util.ArrayList<MemberBodies.LeaderboardEntry>();
        for (int i = 0; i < top.size(); i++) {
            MemberProfile m = top.get(i);
            entries.add(new MemberBodies.LeaderboardEntry(
                    i + 1,
                    m.nym(),
                    Community.publicPicture(m),
                    m.tier().wireName(),
                    m.badgeCount(),
                    TenureCategory.of(m.memberSince(), call.now(), launch).wireName()));
        }
        call.ok(new MemberBodies.Leaderboard(entries, members.onboardedCount()));
    }
}
