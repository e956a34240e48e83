package dev.sietch.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The alerts the service sends members (and waitlisted accounts). The critical ones are sent whatever
 * the member's preferences and weekly cap: winning or losing a seat, and a waitlist place opening.
 */
public enum AlertType {
    POSITION_UPDATE(false),
    AT_RISK_WARNING(false),
    NAIB_THREAT(false),
    NAIB_BUMP(true),
    NAIB_SEATED(true),
    WAITLIST_ELIGIBLE(true);

    private final boolean critical;

    AlertType(boolean critical) {
        this.critical = critical;
    }

    /** Not capped and not counted against the member's week. */
    public boolean critical() {
        return critical;
    }

    /** {@code position_update}, …: the names on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(AlertType::wireName).toList();
    }

    /** The wire names of the non-critical types: what the weekly cap counts. */
    public static List<String> cappedWireNames() {
        return Arrays.stream(values()).filter(t -> !t.critical).map(AlertType::wireName).toList();
    }
}
