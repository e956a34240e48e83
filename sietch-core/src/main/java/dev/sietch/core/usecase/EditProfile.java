package dev.sietch.core.usecase;

import dev.sietch.core.model.Bio;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.Nym;
import dev.sietch.core.port.Members;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A member changes their nym or bio (spec domain.md §3.3). A nym change waits for the cooldown
 * since the last change (the first is free); submitting the nym one already has is no change and
 * does not restart the cooldown (the predecessor restarted it); a change of letter case is a change.
 */
public final class EditProfile {

    public sealed interface Result {}

    public record Changed(MemberProfile profile) implements Result {}

    public record Refused(String message) implements Result {}

    private final Members members;
    private final Duration nymCooldown;
    private final int maxBioLength;
    private final Clock clock;

    public EditProfile(Members members, Duration nymCooldown, int maxBioLength, Clock clock) {
        this.members = members;
        this.nymCooldown = nymCooldown;
        this.maxBioLength = maxBioLength;
        this.clock = clock;
    }

    public Result changeNym(String discordUserId, String requested) {
        Optional<MemberProfile> member = members.byDiscordId(discordUserId);
        if (member.isEmpty()) {
            return new Refused(NO_PROFILE);
        }
        String nym = requested == null ? "" : requested.strip();
        if (!Nym.isChange(member.get().nym(), nym)) {
            return new Changed(member.get()); // the same nym: nothing changes, the cooldown included
        }
        Instant now = clock.instant();
        Optional<String> waiting = Nym.cooldownProblem(members.nymLastChanged(member.get().memberId()), nymCooldown, now);
        if (waiting.isPresent()) {
            return new Refused(waiting.get());
        }
        Optional<String> problem = Nym.problem(nym);
        if (problem.isPresent()) {
            return new Refused(problem.get());
        }
        if (members.byNym(nym).filter(other -> !other.memberId().equals(member.get().memberId())).isPresent()) {
            return new Refused("This nym is already taken");
        }
        members.changeNym(member.get().memberId(), nym, now);
        return new Changed(members.byId(member.get().memberId()).orElseThrow());
    }

    /** @param bio the new bio; blank removes it */
    public Result changeBio(String discordUserId, String bio) {
        Optional<MemberProfile> member = members.byDiscordId(discordUserId);
        if (member.isEmpty()) {
            return new Refused(NO_PROFILE);
        }
        members.changeBio(member.get().memberId(), Bio.sanitise(bio, maxBioLength), clock.instant());
        return new Changed(members.byId(member.get().memberId()).orElseThrow());
    }

    static final String NO_PROFILE = "You have no Sietch profile yet. Run /onboard in the server to set one up.";
}
