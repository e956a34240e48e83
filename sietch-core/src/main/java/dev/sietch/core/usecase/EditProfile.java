package dev.sietch.core.usecase;

import dev.sietch.core.model.Bio;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.Nym;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.PictureFetcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A member changes their nym, bio or picture. A nym change waits for the cooldown
 * since the last change (the first is free); submitting the nym one already has is no change and
 * does not restart the cooldown; a change of letter case is a change.
 */
public final class EditProfile {

    public sealed interface Result {}

    public record Changed(MemberProfile profile) implements Result {}

    public record Refused(String message) implements Result {}

    private final Members members;
    private final Pictures pictures;
    private final Duration nymCooldown;
    private final int maxBioLength;
    private final Clock clock;

    public EditProfile(Members members, Pictures pictures, Duration nymCooldown, int maxBioLength, Clock clock) {
        this.members = members;
        this.pictures = pictures;
        this.nymCooldown = nymCooldown;
        this.maxBioLength = maxBioLength;
        this.clock = clock;
    }

    public Result changeNym(DiscordUserId discordUserId, String requested) {
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
    public Result changeBio(DiscordUserId discordUserId, String bio) {
        Optional<MemberProfile> member = members.byDiscordId(discordUserId);
        if (member.isEmpty()) {
            return new Refused(NO_PROFILE);
        }
        members.changeBio(member.get().memberId(), Bio.sanitise(bio, maxBioLength), clock.instant());
        return new Changed(members.byId(member.get().memberId()).orElseThrow());
    }

    public Pictures pictures() {
        return pictures;
    }

    /**
     * Replaces the picture with the one at {@code url} (downloaded and processed: call it off the
     * event thread); the old picture stays when the new one is refused.
     */
    public Result uploadPicture(DiscordUserId discordUserId, String url) {
        Optional<MemberProfile> member = members.byDiscordId(discordUserId);
        if (member.isEmpty()) {
            return new Refused(NO_PROFILE);
        }
        ProfilePicture picture;
        try {
            picture = pictures.fetch(url);
        } catch (PictureFetcher.Rejected e) {
            return new Refused(e.getMessage());
        }
        Instant now = clock.instant();
        MemberId memberId = member.get().memberId();
        members.setCustomPicture(memberId, picture, pictures.customUrl(memberId, now), now);
        return new Changed(members.byId(memberId).orElseThrow());
    }

    /** @param generated the generated avatar, or no picture */
    public Result choosePicture(DiscordUserId discordUserId, boolean generated) {
        Optional<MemberProfile> member = members.byDiscordId(discordUserId);
        if (member.isEmpty()) {
            return new Refused(NO_PROFILE);
        }
        MemberId memberId = member.get().memberId();
        members.setPicture(memberId, generated ? PictureSource.GENERATED : PictureSource.NONE,
                generated ? Optional.of(pictures.avatarUrl(memberId)) : Optional.empty(), clock.instant());
        return new Changed(members.byId(memberId).orElseThrow());
    }

    static final String NO_PROFILE = "You have no Sietch profile yet. Run /onboard in the server to set one up.";
}
