package dev.sietch.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of chain synchronisation, and the grace-period state machine.
 *
 * <p>States: <em>healthy</em> (last sync succeeded, or none has failed yet), <em>failing</em>
 * (syncs fail, since {@code failingSince}), <em>grace</em> (failing for at least the grace
 * period). Transitions: a failure increments the count and, once the last success — or, if
 * there never was one, the first failure — is at least {@code gracePeriod} old, enters grace;
 * the next success clears the failures and leaves grace. Only the eligibility sync records
 * successes. While in grace nothing is recomputed, so no member is demoted or removed.
 *
 * @param lastSuccessfulSync when a sync last succeeded
 * @param lastAttempt when a sync was last attempted
 * @param consecutiveFailures failed attempts since the last success
 * @param failingSince the first failure since the last success (or ever)
 * @param inGracePeriod whether the grace period is in force
 */
public record SyncHealth(
        Optional<Instant> lastSuccessfulSync,
        Optional<Instant> lastAttempt,
        int consecutiveFailures,
        Optional<Instant> failingSince,
        boolean inGracePeriod) {

    /** A service that has never synchronised. */
    public static final SyncHealth NEVER_SYNCED =
            new SyncHealth(Optional.empty(), Optional.empty(), 0, Optional.empty(), false);

    public SyncHealth {
        Objects.requireNonNull(lastSuccessfulSync, "lastSuccessfulSync");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
        Objects.requireNonNull(failingSince, "failingSince");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
    }

    /** {@code degraded} during the grace period, else {@code healthy}. */
    public Status status() {
        return inGracePeriod ? Status.DEGRADED : Status.HEALTHY;
    }

    /** When the next scheduled sync is due: one interval after the last success, or after {@code now}. */
    public Instant nextSync(Instant now, Duration interval) {
        return lastSuccessfulSync.orElse(now).plus(interval);
    }

    /** The state after a successful sync at {@code now}. */
    public Transition afterSuccess(Instant now) {
        var next = new SyncHealth(Optional.of(now), Optional.of(now), 0, Optional.empty(), false);
        return new Transition(next, inGracePeriod ? Optional.of(GraceChange.EXITED) : Optional.empty());
    }

    /** The state after a failed sync at {@code now}. */
    public Transition afterFailure(Instant now, Duration gracePeriod) {
        Instant since = failingSince.orElse(now);
        Instant staleSince = lastSuccessfulSync.orElse(since);
        boolean enter = !inGracePeriod && Duration.between(staleSince, now).compareTo(gracePeriod) >= 0;
        var next = new SyncHealth(lastSuccessfulSync, Optional.of(now), consecutiveFailures + 1, Optional.of(since),
                inGracePeriod || enter);
        return new Transition(next, enter ? Optional.of(GraceChange.ENTERED) : Optional.empty());
    }

    /** A new state, and whether it entered or left the grace period. */
    public record Transition(SyncHealth next, Optional<GraceChange> graceChange) {}

    public enum GraceChange {
        ENTERED,
        EXITED;

        /** The audit event: {@code grace_period_entered} or {@code grace_period_exited}. */
        public String auditType() {
            return "grace_period_" + name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        HEALTHY,
        DEGRADED;

        /** The lower-case wire name ({@code healthy}, {@code degraded}). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
