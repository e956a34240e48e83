package dev.sietch.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's profile. {@code memberId} (a UUID) and {@code nym} are public; {@code discordUserId}
 * never leaves the service except to its owner.
 *
 * @param tier {@link Role#NAIB} or {@link Role#FEDAYKIN}
 * @param badgeCount badges held and not revoked
 */
public record MemberProfile(
        MemberId memberId,
        DiscordUserId discordUserId,
        String nym,
        Optional<String> bio,
        Optional<String> pfpUrl,
        PictureSource pfpType,
        Role tier,
        Instant memberSince,
        boolean onboardingComplete,
        boolean formerNaib,
        int badgeCount) {

    public MemberProfile {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(discordUserId, "discordUserId");
        Objects.requireNonNull(nym, "nym");
        Objects.requireNonNull(bio, "bio");
        Objects.requireNonNull(pfpUrl, "pfpUrl");
        Objects.requireNonNull(pfpType, "pfpType");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(memberSince, "memberSince");
    }
}
