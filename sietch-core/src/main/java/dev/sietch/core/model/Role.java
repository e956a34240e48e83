package dev.sietch.core.model;

import java.util.Locale;

/** The chain role a rank gives: Naib (the top seats), Fedaykin (the rest of the members), or none. */
public enum Role {
    NAIB,
    FEDAYKIN,
    NONE;

    /** {@code naib}, {@code fedaykin}, {@code none}: the names on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
