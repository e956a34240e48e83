package dev.sietch.core.usecase;

import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.MemberLookup;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator revokes a held badge, of any kind; a revoked automatic badge is never given back
 * by the daily check. Writes {@code admin_badge_revoke} in the same transaction and tells
 * {@link MemberChanges} so roles follow the badges.
 */
public final class RevokeBadge {

    public sealed interface Result {}

    public record Revoked(MemberProfile member, String badgeId) implements Result {}

    public record NotHeld(MemberProfile member, String badgeId) implements Result {}

    public record NoSuchMember(MemberId memberId) implements Result {}

    private final MemberLookup members;
    private final MemberBadges badges;
    private final Clock clock;
    private final MemberChanges changes;

    public RevokeBadge(MemberLookup members, MemberBadges badges, Clock clock, MemberChanges changes) {
        this.members = Objects.requireNonNull(members, "members");
        this.badges = Objects.requireNonNull(badges, "badges");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    /** @param revokedBy the administrator who made the call (audited) */
    public Result revoke(MemberId memberId, String badgeId, String revokedBy) {
        Optional<MemberProfile> member = members.byId(memberId);
        if (member.isEmpty()) {
            return new NoSuchMember(memberId);
        }
        if (!badges.revoke(memberId, badgeId, revokedBy, clock.instant())) {
            return new NotHeld(member.get(), badgeId);
        }
        changes.badgesChanged(member.get());
        return new Revoked(member.get(), badgeId);
    }
}
