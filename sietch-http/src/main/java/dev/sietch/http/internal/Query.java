package dev.sietch.http.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validation with zod 3's messages (the wording clients know), collected in field order and answered as one
 * 400 whose message is the issues joined with {@code ", "} (e.g. {@code "Required, Required"}).
 * Every route uses this joined form, never a pretty-printed JSON array of the issues, which keeps
 * error messages short and free of internals.
 */
public final class Query {

    /** zod's {@code z.string().datetime()}: UTC with {@code Z}, seconds and fraction optional. */
    private static final Pattern DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");

    private final List<String> issues = new ArrayList<>();

    /**
     * A number coerced as zod's {@code z.coerce.number().int().min(min).max(max)}: absent gives
     * {@code fallback}; an empty value is 0 (then fails {@code min} if above 0).
     */
    public int integer(Optional<String> raw, int min, int max, int fallback) {
        if (raw.isEmpty()) {
            return fallback;
        }
        String text = raw.get().strip();
        BigDecimal value;
        try {
            value = text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
        } catch (NumberFormatException e) {
            issues.add("Expected number, received nan");
            return fallback;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            issues.add("Expected integer, received float");
            return fallback;
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
            issues.add("Number must be greater than or equal to " + min);
            return fallback;
        }
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            issues.add("Number must be less than or equal to " + max);
            return fallback;
        }
        return value.intValueExact();
    }

    /** One of {@code allowed}, or the zod enum message. */
    public Optional<String> oneOf(Optional<String> raw, List<String> allowed) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (!allowed.contains(raw.get())) {
            issues.add("Invalid enum value. Expected " + String.join(" | ", allowed.stream().map(a -> "'" + a + "'").toList())
                    + ", received '" + printable(raw.get()) + "'");
            return Optional.empty();
        }
        return raw;
    }

    /** An instant written as zod's {@code datetime()} accepts it: UTC, ending in {@code Z}. */
    public Optional<Instant> datetime(Optional<String> raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String text = raw.get();
        if (!DATETIME.matcher(text).matches()) {
            issues.add("Invalid datetime");
            return Optional.empty();
        }
        try {
            // Instant.parse wants seconds; zod allows HH:MM
            return Optional.of(Instant.parse(text.length() == 17 ? text.replace("Z", ":00Z") : text));
        } catch (DateTimeParseException e) {
            issues.add("Invalid datetime");
            return Optional.empty();
        }
    }

    /** A required string field of a JSON body: records {@code Required} or a type issue, and gives null, when it is not one. */
    public String requiredString(com.fasterxml.jackson.databind.JsonNode node) {
        if (node == null) {
            required();
            return null;
        }
        return optionalString(node).orElse(null);
    }

    /** An optional string field: absent is empty; present but not a string records a type issue. */
    public Optional<String> optionalString(com.fasterxml.jackson.databind.JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            issue("Expected string, received " + jsonType(node));
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    /** An optional boolean field (null is not a boolean). */
    public Optional<Boolean> optionalBoolean(com.fasterxml.jackson.databind.JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            issue("Expected boolean, received " + jsonType(node));
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** zod's name for a JSON value's type. */
    static String jsonType(com.fasterxml.jackson.databind.JsonNode node) {
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            default -> "string";
        };
    }

    /** JavaScript's {@code parseInt(text, 10)}, as existing clients expect: optional space and sign, then leading digits ({@code 3abc} is 3). */
    public static Optional<java.math.BigInteger> leadingInteger(String text) {
        java.util.regex.Matcher digits = LEADING_INTEGER.matcher(text);
        return digits.find() ? Optional.of(new java.math.BigInteger(digits.group(1))) : Optional.empty();
    }

    /** Records a field that must be present but is not. */
    public void required() {
        issues.add("Required");
    }

    public void issue(String message) {
        issues.add(message);
    }

    public boolean valid() {
        return issues.isEmpty();
    }

    /** @throws HttpError 400 with the issues joined, if there are any */
    public void check() {
        if (!issues.isEmpty()) {
            throw HttpError.badRequest(String.join(", ", issues));
        }
    }

    /** Echoed input, shortened and stripped of control characters. */
    public static String printable(String text) {
        String cleaned = text.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
    }
}
