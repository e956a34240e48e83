package dev.sietch.core.model;

import java.util.Optional;

/**
 * A Discord user's snowflake. Stored and sent as its decimal text ({@link #wire}); it never
 * leaves the service except to its owner.
 */
public record DiscordUserId(long value) {

    public DiscordUserId {
        if (value <= 0) {
            throw new IllegalArgumentException("a Discord user id is positive: " + value);
        }
    }

    /** Parses user input or stored text; empty unless it is a positive decimal snowflake. */
    public static Optional<DiscordUserId> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 20) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        try {
            long value = Long.parseLong(text);
            return value > 0 ? Optional.of(new DiscordUserId(value)) : Optional.empty();
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** Like {@link #parse}, for text that must be valid (stored rows, fixtures). */
    public static DiscordUserId of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a Discord user id: " + text));
    }

    /** The decimal text, as stored and sent on the wire. */
    public String wire() {
        return Long.toString(value);
    }

    @Override
    public String toString() {
        return wire();
    }
}
