package dev.sietch.store.internal.members;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.Role;
import dev.sietch.store.internal.Timestamps;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A member_profile row with its count of badges held ({@link MemberDao#PROFILE}). */
record ProfileRow(String memberId, String discordUserId, String nym, @Nullable String bio, @Nullable String pfpUrl,
        String pfpType, String tier, String createdAt, boolean onboardingComplete, boolean isFormerNaib, int badges) {

    MemberProfile profile() {
        return new MemberProfile(new MemberId(memberId), DiscordUserId.of(discordUserId), nym, Optional.ofNullable(bio), Optional.ofNullable(pfpUrl),
                PictureSource.fromWireName(pfpType).orElseThrow(), Role.fromWireName(tier), Timestamps.parse(createdAt), onboardingComplete, isFormerNaib,
                badges);
    }
}
