package dev.sietch.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a member's alert history says for the rules of {@link AlertRules}.
 *
 * @param queuedThisWeek non-critical alerts queued for them since {@link AlertRules#weekStart}
 * @param lastPositionUpdate when their last position update was queued
 * @param lastThreat when their last Naib threat warning was queued
 */
public record AlertCounters(int queuedThisWeek, Optional<Instant> lastPositionUpdate, Optional<Instant> lastThreat) {

    public static final AlertCounters NONE = new AlertCounters(0, Optional.empty(), Optional.empty());

    public AlertCounters {
        if (queuedThisWeek < 0) {
            throw new IllegalArgumentException("queuedThisWeek < 0");
        }
        Objects.requireNonNull(lastPositionUpdate, "lastPositionUpdate");
        Objects.requireNonNull(lastThreat, "lastThreat");
    }
}
