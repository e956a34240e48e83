package dev.sietch.store.internal.legacy;

import dev.sietch.store.internal.Timestamps;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the imported values as this store keeps them, or rejects them with the reason: a row
 * with a value that cannot be represented is left out, and nothing is guessed.
 */
final class LegacyValues {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int WEI_WIDTH = 78;

    private LegacyValues() {}

    /** A value that cannot be imported; the row is left out with this reason. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    static String address(@Nullable String text) throws Rejected {
        String address = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(address).matches()) {
            throw new Rejected("'" + text + "' is not a wallet address");
        }
        return address;
    }

    static String snowflake(@Nullable String text, String column) throws Rejected {
        if (text == null || !DIGITS.matcher(text).matches() || text.length() > 20) {
            throw new Rejected(column + " '" + text + "' is not a Discord id");
        }
        return text;
    }

    static String text(@Nullable String text, String column) throws Rejected {
        if (text == null) {
            throw new Rejected(column + " is empty");
        }
        return text;
    }

    static String oneOf(@Nullable String value, String column, String... allowed) throws Rejected {
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return candidate;
            }
        }
        throw new Rejected(column + " '" + value + "' is not one of " + String.join(", ", allowed));
    }

    static int flag(int value) {
        return value == 0 ? 0 : 1;
    }

    static int positive(int value, String column) throws Rejected {
        if (value < 1) {
            throw new Rejected(column + " " + value + " is not positive");
        }
        return value;
    }

    static double nonNegative(double value, String column) throws Rejected {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new Rejected(column + " " + value + " is not a balance");
        }
        return value;
    }

    /**
     * A wei amount as the fixed-width digits this store keeps: the imported file holds decimal
     * strings (sometimes from {@code BigInt}, sometimes with leading zeros); anything else is refused.
     */
    static String wei(@Nullable String text, String column) throws Rejected {
        String digits = text == null ? "" : text.strip();
        if (!DIGITS.matcher(digits).matches()) {
            throw new Rejected(column + " '" + text + "' is not a wei amount");
        }
        BigInteger amount = new BigInteger(digits);
        String plain = amount.toString();
        if (plain.length() > WEI_WIDTH) {
            throw new Rejected(column + " '" + text + "' is too large");
        }
        return "0".repeat(WEI_WIDTH - plain.length()) + plain;
    }

    static @Nullable String weiOrNull(@Nullable String text, String column) throws Rejected {
        return text == null ? null : wei(text, column);
    }

    /**
     * An imported time as this store writes times. The file's column defaults wrote SQLite's
     * {@code YYYY-MM-DD HH:MM:SS} (UTC, no zone) while its code wrote ISO 8601 with {@code Z} into
     * some of the same columns; both are read, and a time without a zone is UTC.
     */
    static String time(@Nullable String text, String column) throws Rejected {
        if (text == null || text.isBlank()) {
            throw new Rejected(column + " is empty");
        }
        return Timestamps.format(instant(text.strip(), column));
    }

    static @Nullable String timeOrNull(@Nullable String text, String column) throws Rejected {
        return text == null || text.isBlank() ? null : time(text, column);
    }

    static Instant instant(String text, String column) throws Rejected {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (iso.endsWith("Z") || iso.endsWith("z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso.endsWith("z") ? iso.substring(0, iso.length() - 1) + 'Z'
                        : iso.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Rejected(column + " '" + text + "' is not a time");
        }
    }
}
