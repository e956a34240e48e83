package dev.sietch.store.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The one way times are stored: UTC, fixed width, microseconds ({@code 2026-11-25T06:00:00.000000Z}),
 * so that text order is time order. Reading accepts any ISO-8601 instant.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    public static @Nullable String formatOrNull(java.util.Optional<Instant> instant) {
        return instant.map(Timestamps::format).orElse(null);
    }

    /**
     * PostgreSQL's text for a {@code timestamptz}: {@code 2026-11-25 06:00:00.123456+00} (the zone
     * as {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS}).
     */
    private static final DateTimeFormatter POSTGRES = new java.time.format.DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .parseLenient().appendOffset("+HH:MM:ss", "Z").toFormatter();

    /** Reads a stored time: this store's own format (SQLite) or PostgreSQL's {@code timestamptz} text. */
    public static Instant parse(String text) {
        if (text.length() > 10 && text.charAt(10) == ' ') {
            return java.time.OffsetDateTime.parse(text, POSTGRES).toInstant();
        }
        return Instant.parse(text);
    }
}
