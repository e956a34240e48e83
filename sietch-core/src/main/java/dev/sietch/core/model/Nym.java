package dev.sietch.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a member's public name: 3–20 characters, letters, digits,
 * {@code _} and {@code -}, not starting or ending with {@code _} or {@code -}, not a reserved word
 * (case-insensitive), unique case-insensitively (the store enforces that). A change is allowed once
 * per cooldown; submitting the name a member already has is no change and does not restart it.
 */
public final class Nym {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 20;

    /** Refused in any letter case; {@code naib1} and the like are allowed. */
    public static final Set<String> RESERVED = Set.of("admin", "administrator", "mod", "moderator", "system", "sietch",
            "naib", "fedaykin", "fremen", "muaddib", "bot", "official", "support", "help", "staff");

    private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{1,18}[a-zA-Z0-9]");

    private Nym() {}

    /** What is wrong with {@code nym} (in the wording members already know), or empty when it may be used. */
    public static Optional<String> problem(String nym) {
        if (nym == null || nym.length() < MIN_LENGTH) {
            return Optional.of("Nym must be at least 3 characters");
        }
        if (nym.length() > MAX_LENGTH) {
            return Optional.of("Nym must be at most 20 characters");
        }
        if (!SHAPE.matcher(nym).matches()) {
            return Optional.of("Nym must be alphanumeric (can include _ or -) and cannot start/end with _ or -");
        }
        if (RESERVED.contains(nym.toLowerCase(Locale.ROOT))) {
            return Optional.of("This nym is reserved and cannot be used");
        }
        return Optional.empty();
    }

    /** Whether {@code requested} changes {@code current} (a change of letter case is a change). */
    public static boolean isChange(String current, String requested) {
        return !current.equals(requested);
    }

    /**
     * When the member may next change their nym: {@code cooldown} after the last change; the first
     * change is free (empty).
     */
    public static Optional<Instant> nextChange(Optional<Instant> lastChanged, Duration cooldown) {
        return lastChanged.map(at -> at.plus(cooldown));
    }

    /** "You can change your nym in N days" (rounded up), or empty when a change is allowed now. */
    public static Optional<String> cooldownProblem(Optional<Instant> lastChanged, Duration cooldown, Instant now) {
        Optional<Instant> next = nextChange(lastChanged, cooldown);
        if (next.isEmpty() || !now.isBefore(next.get())) {
            return Optional.empty();
        }
        long millis = Duration.between(now, next.get()).toMillis();
        long days = (millis + Duration.ofDays(1).toMillis() - 1) / Duration.ofDays(1).toMillis();
        return Optional.of("You can change your nym in " + days + (days == 1 ? " day" : " days"));
    }
}
