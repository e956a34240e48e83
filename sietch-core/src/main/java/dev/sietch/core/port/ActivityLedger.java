package dev.sietch.core.port;

import dev.sietch.core.model.Activity;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Members' activity points and the automatic badges. Every change is a read-modify-write in one
 * transaction, so several bot instances (or a restart) agree on cooldowns and balances.
 * Implemented by the store.
 */
public interface ActivityLedger {

    /**
     * Records one event for the member of {@code discordUserId}, if they are onboarded and the
     * event's cooldown has passed.
     *
     * @return the activity after the event; empty when nothing was counted
     */
    Optional<Activity> record(DiscordUserId discordUserId, Activity.Kind kind, Instant now, Activity.Settings settings);

    /** The member id of an onboarded member's Discord account. */
    Optional<MemberId> memberId(DiscordUserId discordUserId);

    /** The member's activity with decay applied up to {@code now} (not written). */
    Optional<Activity> current(MemberId memberId, Instant now, Activity.Settings settings);

    /** Applies due decay to every member with a balance; returns how many balances dropped. */
    int decayAll(Instant now, Activity.Settings settings);

    /**
     * Awards each of {@code badges} the member does not have yet, with {@code reason}. A badge an
     * administrator revoked is never awarded again automatically: the revocation stands.
     *
     * @return the badges awarded now
     */
    Set<Badge> awardAutomatic(MemberId memberId, Set<Badge> badges, Instant at);
}
