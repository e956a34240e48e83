package dev.sietch.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a member's profile picture comes from. */
public enum PictureSource {
    /** The member's own picture, stored here and served from {@code /api/pictures}. */
    CUSTOM,
    /** An avatar drawn from the member id. */
    GENERATED,
    /** No picture. */
    NONE;

    /** {@code custom}, {@code generated}, {@code none}: the names on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PictureSource> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
