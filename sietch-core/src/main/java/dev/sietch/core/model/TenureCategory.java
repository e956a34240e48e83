package dev.sietch.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How long a member has been one: {@code og} if they joined within 30 days of the community's
 * launch (or before it), else {@code elder} after 180 days, {@code veteran} after 90, else
 * {@code member}. Days are whole days between instants (UTC).
 */
public enum TenureCategory {
    OG, VETERAN, ELDER, MEMBER;

    /** The social layer's launch date when none is configured. */
    public static final Instant DEFAULT_LAUNCH = Instant.parse("2025-01-01T00:00:00Z");

    public static TenureCategory of(Instant memberSince, Instant now, Instant launch) {
        long daysAfterLaunch = Math.floorDiv(Duration.between(launch, memberSince).toMillis(), Duration.ofDays(1).toMillis());
        if (daysAfterLaunch <= 30) {
            return OG;
        }
        long days = Math.floorDiv(Duration.between(memberSince, now).toMillis(), Duration.ofDays(1).toMillis());
        return days >= 180 ? ELDER : days >= 90 ? VETERAN : MEMBER;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
