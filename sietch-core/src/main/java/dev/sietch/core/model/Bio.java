package dev.sietch.core.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A member's bio as stored: trimmed, links replaced by {@code [link removed]}, then cut to the
 * limit — in that order, so the stored bio never exceeds the limit (cutting first and
 * replacing links afterwards could grow past it). Cut at a code-point boundary; blank becomes absent.
 */
public final class Bio {

    public static final int DEFAULT_MAX_LENGTH = 160;
    public static final String LINK_REMOVED = "[link removed]";

    private static final Pattern LINK = Pattern.compile("(?i)https?://\\S+");

    private Bio() {}

    /** @param maxLength the most UTF-16 characters kept (as Discord counts a modal's input) */
    public static Optional<String> sanitise(String raw, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        if (raw == null) {
            return Optional.empty();
        }
        String text = LINK.matcher(raw.strip()).replaceAll(LINK_REMOVED);
        if (text.length() > maxLength) {
            int end = maxLength;
            if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // do not split a character
            }
            text = text.substring(0, end).strip();
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
