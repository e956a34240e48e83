package dev.sietch.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a Naib seat was closed. */
public enum UnseatReason {
    /** A member with more BGT took the seat. */
    BUMPED,
    /** The holder is no longer a member (out of the member ranks, wallet unlinked, profile not onboarded). */
    INELIGIBLE,
    /** The holder left the Discord server. */
    LEFT_SERVER,
    /** An administrator closed the seat. */
    MANUAL;

    /** {@code bumped}, {@code ineligible}, …: the names on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UnseatReason> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }
}
