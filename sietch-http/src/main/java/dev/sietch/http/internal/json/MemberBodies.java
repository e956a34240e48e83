package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * Profiles, the directory, the badge catalogue and the leaderboard: nothing that names a wallet or
 * a Discord account.
 */
public final class MemberBodies {

    private MemberBodies() {}

    /** A member's public profile ({@code GET /api/profile}, {@code /api/members/{nym}}, directory entries). */
    public record Profile(
            @JsonProperty("member_id") String memberId,
            @JsonProperty("nym") String nym,
            @JsonProperty("bio") Optional<String> bio,
            @JsonProperty("pfp_url") Optional<String> pfpUrl,
            @JsonProperty("tier") String tier,
            @JsonProperty("member_since") String memberSince,
            @JsonProperty("tenure_category") String tenureCategory,
            @JsonProperty("badge_count") int badgeCount) {}

    /** {@code GET /api/directory}: one page. */
    public record Directory(
            @JsonProperty("members") List<Profile> members,
            @JsonProperty("page") int page,
            @JsonProperty("page_size") int pageSize,
            @JsonProperty("total") int total,
            @JsonProperty("total_pages") int totalPages) {}

    /** {@code GET /api/badges}. */
    public record BadgeCatalogue(@JsonProperty("badges") List<BadgeInfo> badges) {}

    public record BadgeInfo(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("emoji") String emoji,
            @JsonProperty("category") String category) {}

    /** {@code GET /api/leaderboard}: members by badges held. */
    public record Leaderboard(
            @JsonProperty("entries") List<LeaderboardEntry> entries,
            @JsonProperty("total_members") int totalMembers) {}

    /** @param rank the place in this leaderboard, not an eligibility rank */
    public record LeaderboardEntry(
            @JsonProperty("rank") int rank,
            @JsonProperty("nym") String nym,
            @JsonProperty("pfp_url") Optional<String> pfpUrl,
            @JsonProperty("tier") String tier,
            @JsonProperty("badge_count") int badgeCount,
            @JsonProperty("tenure_category") String tenureCategory) {}
}
