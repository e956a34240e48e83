package dev.sietch.http.internal.json;

import dev.sietch.core.model.Wei;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Value formats on the wire. */
public final class Wire {

    /** ISO-8601 UTC with milliseconds, as JavaScript prints dates (what clients parse). */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Wire() {}

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    public static @Nullable String timestamp(Optional<Instant> instant) {
        return instant.map(Wire::timestamp).orElse(null);
    }

    /** Wei as an exact BGT decimal without trailing zeros (1 BGT is {@code 1}, not {@code 1.000000000000000000}). */
    public static BigDecimal bgt(Wei wei) {
        BigDecimal value = wei.toBgt().stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** A JSON object with its keys in the given order: {@code object("a", 1, "b", null)}. */
    public static Map<String, @Nullable Object> object(@Nullable Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        var map = new LinkedHashMap<String, @Nullable Object>(keysAndValues.length);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
