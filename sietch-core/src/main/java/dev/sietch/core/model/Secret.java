package dev.sietch.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (bot token, API key, RPC URL with a key in it). Its {@link #toString()} never shows
 * the value, so a secret cannot leak through a log line or an exception message by accident.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
    }

    /** Compares in time independent of where the two values first differ. */
    public boolean matches(String candidate) {
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "***";
    }
}
