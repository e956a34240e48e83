package dev.sietch.http.internal.json;

import dev.sietch.core.model.Wei;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Value formats on the wire. */
public final class Wire {

    /** ISO-8601 UTC with milliseconds, as JavaScript prints dates (what clients parse). */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Wire() {}

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    public static Optional<String> timestamp(Optional<Instant> instant) {
        return instant.map(Wire::timestamp);
    }

    /** Wei as an exact BGT decimal without trailing zeros (1 BGT is {@code 1}, not {@code 1.000000000000000000}). */
    public static BigDecimal bgt(Wei wei) {
        BigDecimal value = wei.toBgt().stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    public static Optional<BigDecimal> bgt(Optional<Wei> wei) {
        return wei.map(Wire::bgt);
    }
}
