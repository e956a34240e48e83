package dev.sietch.discord.internal.interaction;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The custom id of a button, select menu or modal, typed: {@code feature:action[:arg…]}. The
 * feature routes the interaction to its handler, so a new component cannot be left unrouted (an
 * unrouted button answers "This interaction failed"). Discord allows 100
 * characters; each part is letters, digits, {@code _}, {@code -} or {@code .}.
 */
public record ComponentId(String feature, String action, List<String> args) {

    public static final int MAX_LENGTH = 100;
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public ComponentId {
        args = List.copyOf(args);
        if (!PART.matcher(feature).matches() || !PART.matcher(action).matches()
                || !args.stream().allMatch(a -> PART.matcher(a).matches())) {
            throw new IllegalArgumentException("component id parts are 1-64 of [A-Za-z0-9_.-]");
        }
        if (format(feature, action, args).length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a component id is at most " + MAX_LENGTH + " characters");
        }
    }

    public static ComponentId of(String feature, String action, String... args) {
        return new ComponentId(feature, action, List.of(args));
    }

    /** The id as sent to Discord. */
    @Override
    public String toString() {
        return format(feature, action, args);
    }

    /** The id Discord sends back, if it is one of ours. */
    public static Optional<ComponentId> parse(String customId) {
        if (customId == null || customId.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = customId.split(":", -1);
        if (parts.length < 2 || !Arrays.stream(parts).allMatch(p -> PART.matcher(p).matches())) {
            return Optional.empty();
        }
        return Optional.of(new ComponentId(parts[0], parts[1], List.of(parts).subList(2, parts.length)));
    }

    private static String format(String feature, String action, List<String> args) {
        return args.isEmpty() ? feature + ":" + action : feature + ":" + action + ":" + String.join(":", args);
    }
}
