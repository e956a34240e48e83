package dev.sietch.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the service knows about its last chain synchronisation: when it last succeeded, and whether
 * it is in the grace period (syncs have failed for longer than the configured grace window, so no
 * member is demoted or removed until a sync succeeds again).
 */
public record SyncHealth(Optional<Instant> lastSuccessfulSync, boolean inGracePeriod) {

    /** A service that has never synchronised. */
    public static final SyncHealth NEVER_SYNCED = new SyncHealth(Optional.empty(), false);

    public SyncHealth {
        Objects.requireNonNull(lastSuccessfulSync, "lastSuccessfulSync");
    }

    /** {@code degraded} while in the grace period, else {@code healthy}. */
    public Status status() {
        return inGracePeriod ? Status.DEGRADED : Status.HEALTHY;
    }

    /** When the next scheduled sync is due: one interval after the last success, or after {@code now}. */
    public Instant nextSync(Instant now, Duration interval) {
        return lastSuccessfulSync.orElse(now).plus(interval);
    }

    public enum Status {
        HEALTHY,
        DEGRADED;

        /** The lower-case wire name ({@code healthy}, {@code degraded}). */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
