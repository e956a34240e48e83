package dev.sietch.core.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When the non-critical alerts are due. The week
 * runs from Monday 00:00 UTC — one boundary for the cap, the counters' reset and the statistics, so
 * they always agree. A member gets at most their frequency's number of non-critical alerts a
 * week, counted when queued; position updates are also spread over the week (one per 7 days /
 * frequency, so frequent syncs cannot bunch them up); an at-risk warning is
 * sent when the member enters the at-risk positions, not again while they stay there.
 */
public final class AlertRules {

    private AlertRules() {}

    public static Instant weekStart(Instant now) {
        return now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
    }

    /**
     * @param perWeek the member's frequency (1, 2, 3 or 7)
     * @param queuedThisWeek non-critical alerts queued for them since {@link #weekStart}
     * @param lastPositionUpdate when the last position update was queued
     */
    public static boolean positionUpdateDue(boolean enabled, int perWeek, int queuedThisWeek,
            Optional<Instant> lastPositionUpdate, Instant now) {
        if (!enabled || queuedThisWeek >= perWeek) {
            return false;
        }
        Duration spacing = Duration.ofDays(7).dividedBy(perWeek);
        return lastPositionUpdate.map(last -> !now.isBefore(last.plus(spacing))).orElse(true);
    }

    /** A challenger within this share of a seat holder's BGT (10 % short of it or closer) threatens the seat. */
    public static final int THREAT_PERCENT = 90;

    /**
     * Whether the weakest seat holder is warned that a challenger comes close: the strongest member
     * without a seat holds at least {@link #THREAT_PERCENT} % of the holder's BGT (compared in wei),
     * Naib alerts are on, the cap allows it, and no warning went out in the last seven days.
     */
    public static boolean threatDue(boolean enabled, int perWeek, int queuedThisWeek, Wei holder, Wei challenger,
            Optional<Instant> lastThreat, Instant now) {
        if (!enabled || queuedThisWeek >= perWeek || holder.isZero()) {
            return false;
        }
        boolean close = challenger.value().multiply(java.math.BigInteger.valueOf(100))
                .compareTo(holder.value().multiply(java.math.BigInteger.valueOf(THREAT_PERCENT))) >= 0;
        return close && lastThreat.map(last -> !now.isBefore(last.plus(Duration.ofDays(7)))).orElse(true);
    }

    /** @param wasAtRisk whether the previous sync had them in the at-risk positions already */
    public static boolean atRiskWarningDue(boolean enabled, int perWeek, int queuedThisWeek, boolean atRisk,
            boolean wasAtRisk) {
        return enabled && atRisk && !wasAtRisk && queuedThisWeek < perWeek;
    }
}
