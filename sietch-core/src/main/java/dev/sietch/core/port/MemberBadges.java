package dev.sietch.core.port;

import dev.sietch.core.model.Badge;
import dev.sietch.core.model.MemberId;
import java.time.Instant;
import java.util.Optional;

/** Badges members hold. Implemented by the store; each change writes its audit row in the same transaction. */
public interface MemberBadges {

    /**
     * Awards a badge (or restores a revoked one) and writes {@code admin_badge_award}.
     *
     * @param awardedBy who the award is credited to
     * @param adminName the administrator who made the call
     */
    AwardResult award(MemberId memberId, Badge badge, String awardedBy, Optional<String> reason, String adminName,
            Instant at);

    /** Revokes a held badge and writes {@code admin_badge_revoke}; false if the member does not hold it. */
    boolean revoke(MemberId memberId, String badgeId, String revokedBy, Instant at);

    enum AwardResult { AWARDED, NO_SUCH_MEMBER, ALREADY_HELD }

    /** The badges the member holds (not revoked), in catalogue order. */
    java.util.List<Held> held(MemberId memberId);

    record Held(Badge badge, Instant awardedAt) {}
}
