package dev.sietch.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Leader election by a lease in the database.
 *
 * @param name what is led (one lease per name)
 * @param holder this instance's name, unique among the instances (e.g. host, process and a random part)
 * @param ttl how long a lease lasts unless renewed: after the leader stops or loses the database,
 *     another instance takes over within this (plus one renewal interval)
 * @param renewEvery how often the leader renews and followers try; well under {@code ttl}
 */
public record LeaseSettings(String name, String holder, Duration ttl, Duration renewEvery) {

    public LeaseSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(renewEvery, "renewEvery");
        if (name.isBlank() || holder.isBlank()) {
            throw new IllegalArgumentException("name and holder must not be blank");
        }
        if (ttl.toMillis() < 300) {
            throw new IllegalArgumentException("ttl must be at least 300 ms, was " + ttl);
        }
        if (renewEvery.isNegative() || renewEvery.isZero() || renewEvery.multipliedBy(3).compareTo(ttl) > 0) {
            throw new IllegalArgumentException("renewEvery must be positive and at most a third of ttl");
        }
    }
}
