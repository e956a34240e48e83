package dev.sietch.core.port;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.model.PromptOutcome;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.TenureCategory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Member profiles. Implemented by the store. */
public interface Members extends MemberLookup {

    /** Nyms compare case-insensitively; the stored case is returned. */
    Optional<MemberProfile> byNym(String nym);

    /**
     * Onboarded members whose nym contains {@code text} (letter case ignored; taken literally, no
     * wildcards), by nym A–Z; an empty text matches everyone.
     */
    List<MemberProfile> searchNyms(String text, int limit);

    @Override
    Optional<MemberProfile> byId(MemberId memberId);

    Optional<MemberProfile> byDiscordId(DiscordUserId discordUserId);

    /**
     * Onboarded members matching every filter, counted and ordered before the page is cut (so
     * totals and pages agree); ties are broken by member id, so pages are stable.
     */
    DirectoryPage directory(DirectoryQuery query);

    /** Onboarded members by badges held (most first), then earliest membership, then member id. */
    List<MemberProfile> leaderboard(int limit);

    int onboardedCount();

    /** Creates a profile with a fresh member id, and its {@code member_added} audit row, in one transaction. */
    MemberProfile create(NewProfile profile, Instant at);

    void completeOnboarding(MemberId memberId, Instant at);

    /**
     * Creates the placeholder profile of a member from before the social layer: not
     * onboarded, counted as a member since {@code memberSince}, with its {@code member_added} audit
     * row, in one transaction.
     */
    MemberProfile createPlaceholder(DiscordUserId discordUserId, String nym, Role tier, Instant memberSince, Instant at);

    /** Placeholder profiles whose owners were not asked yet to finish them, oldest first. */
    List<MemberProfile> unpromptedPlaceholders(int limit);

    /** Placeholder profiles not completed yet, prompted or not. */
    int placeholderCount();

    /**
     * Records that the owner was asked to finish the profile, and the {@code migration_prompt_sent}
     * audit row.
     *
     * @param outcome {@code sent} (by DM), {@code fallback} (a mention in a channel) or {@code unreachable}
     */
    void recordPrompt(MemberId memberId, PromptOutcome outcome, Instant at);

    /**
     * Gives a placeholder profile (a member from before the social layer) the nym and
     * bio its owner chose; the membership date stays, and no nym cooldown starts.
     */
    void completePlaceholder(MemberId memberId, String nym, Optional<String> bio, Instant at);

    /** When the member last changed their nym (empty: never; the first change is free). */
    Optional<Instant> nymLastChanged(MemberId memberId);

    /** Changes the nym and records the change time (the store's unique index refuses a taken nym). */
    void changeNym(MemberId memberId, String nym, Instant at);

    void changeBio(MemberId memberId, Optional<String> bio, Instant at);

    /**
     * Sets the profile picture to {@code generated} or {@code none}, dropping a stored custom
     * picture.
     */
    void setPicture(MemberId memberId, PictureSource pfpType, Optional<String> pfpUrl, Instant at);

    /** Stores the member's own picture and points the profile at {@code url}, in one transaction. */
    void setCustomPicture(MemberId memberId, ProfilePicture picture, String url, Instant at);

    Optional<ProfilePicture> customPicture(MemberId memberId);

    enum Sort { NYM, TENURE, BADGE_COUNT }

    /**
     * @param now and {@code launch} place members in tenure categories
     */
    record DirectoryQuery(int page, int pageSize, Optional<Role> tier, Optional<String> badgeId,
            Optional<TenureCategory> tenure, Sort sort, boolean descending, Instant now, Instant launch) {
        public DirectoryQuery {
            if (page < 1 || pageSize < 1) {
                throw new IllegalArgumentException("page and page size start at 1");
            }
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(badgeId, "badgeId");
            Objects.requireNonNull(tenure, "tenure");
            Objects.requireNonNull(sort, "sort");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(launch, "launch");
        }
    }

    record DirectoryPage(List<MemberProfile> members, int total) {
        public DirectoryPage {
            members = List.copyOf(members);
        }
    }

    record NewProfile(DiscordUserId discordUserId, String nym, Role tier, Optional<String> bio, Optional<String> pfpUrl,
            PictureSource pfpType) {
        public NewProfile {
            Objects.requireNonNull(discordUserId, "discordUserId");
            Objects.requireNonNull(nym, "nym");
            if (tier != Role.NAIB && tier != Role.FEDAYKIN) {
                throw new IllegalArgumentException("a member's tier is naib or fedaykin");
            }
            Objects.requireNonNull(bio, "bio");
            Objects.requireNonNull(pfpUrl, "pfpUrl");
            Objects.requireNonNull(pfpType, "pfpType");
        }
    }
}
