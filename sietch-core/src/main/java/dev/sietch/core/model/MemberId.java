package dev.sietch.core.model;

import java.util.Objects;

/**
 * A member's public id (a lower-case UUID in production). The format is checked where an id
 * enters from outside (the HTTP edge); here only its presence, so fixtures may use short ids.
 */
public record MemberId(String value) implements Comparable<MemberId> {

    public MemberId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a member id is not blank");
        }
    }

    @Override
    public int compareTo(MemberId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
