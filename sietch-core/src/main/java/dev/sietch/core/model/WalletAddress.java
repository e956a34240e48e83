package dev.sietch.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An EVM wallet address in its canonical form: {@code 0x} and 40 lower-case hex digits.
 *
 * <p>{@link #parse} accepts any letter case, including EIP-55 checksummed input; the checksum is
 * not verified (case carries no identity, so a mistyped case still names the same account).
 */
public record WalletAddress(String value) implements Comparable<WalletAddress> {

    private static final Pattern ANY_CASE = Pattern.compile("0[xX][0-9a-fA-F]{40}");

    public WalletAddress {
        Objects.requireNonNull(value, "value");
        if (!isCanonical(value)) {
            throw new IllegalArgumentException("not a canonical wallet address: " + value);
        }
    }

    /** 0x and 40 lower-case hex digits; a plain loop, as this runs for every stored row read. */
    private static boolean isCanonical(String value) {
        if (value.length() != 42 || value.charAt(0) != '0' || value.charAt(1) != 'x') {
            return false;
        }
        for (int i = 2; i < 42; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Parses user or chain input in any letter case; empty if it is not 0x + 40 hex digits. */
    public static Optional<WalletAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (!ANY_CASE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(new WalletAddress("0x" + trimmed.substring(2).toLowerCase(Locale.ROOT)));
    }

    /** Like {@link #parse}, for input that must be valid (configuration, fixtures). */
    public static WalletAddress of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a wallet address: " + text));
    }

    /** The public short form {@code 0x1234...abcd}: the first 6 and the last 4 characters. */
    public String truncated() {
        return value.substring(0, 6) + "..." + value.substring(value.length() - 4);
    }

    @Override
    public int compareTo(WalletAddress other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
