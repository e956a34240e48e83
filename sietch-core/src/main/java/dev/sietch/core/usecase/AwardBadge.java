package dev.sietch.core.usecase;

import dev.sietch.core.model.Badge;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.MemberLookup;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator awards a badge. Only contribution and special badges are awarded by hand (the
 * others are earned); an award restores a revoked badge, writes {@code admin_badge_award} in the
 * same transaction, and tells {@link MemberChanges} so roles follow the badges.
 */
public final class AwardBadge {

    public sealed interface Result {}

    public record Awarded(MemberProfile member, Badge badge) implements Result {}

    public record AlreadyHeld(MemberProfile member, Badge badge) implements Result {}

    /** The badge is earned automatically (tenure, activity, …). */
    public record NotAwardable(Badge badge) implements Result {}

    public record NoSuchBadge(String badgeId) implements Result {}

    public record NoSuchMember(MemberId memberId) implements Result {}

    private final MemberLookup members;
    private final MemberBadges badges;
    private final Clock clock;
    private final MemberChanges changes;

    public AwardBadge(MemberLookup members, MemberBadges badges, Clock clock, MemberChanges changes) {
        this.members = Objects.requireNonNull(members, "members");
        this.badges = Objects.requireNonNull(badges, "badges");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    /**
     * @param awardedBy who the award is credited to
     * @param adminName the administrator who made the call (audited)
     */
    public Result award(MemberId memberId, String badgeId, String awardedBy, Optional<String> reason, String adminName) {
        Optional<Badge> badge = Badge.byId(badgeId);
        if (badge.isEmpty()) {
            return new NoSuchBadge(badgeId);
        }
        if (!badge.get().isManual()) {
            return new NotAwardable(badge.get());
        }
        Optional<MemberProfile> member = members.byId(memberId);
        if (member.isEmpty()) {
            return new NoSuchMember(memberId);
        }
        return switch (badges.award(memberId, badge.get(), awardedBy, reason, adminName, clock.instant())) {
            case AWARDED -> {
                changes.badgesChanged(member.get());
                yield new Awarded(member.get(), badge.get());
            }
            case ALREADY_HELD -> new AlreadyHeld(member.get(), badge.get());
            case NO_SUCH_MEMBER -> new NoSuchMember(memberId);
        };
    }
}
