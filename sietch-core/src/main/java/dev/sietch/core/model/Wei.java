package dev.sietch.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact, non-negative amount of BGT in wei (10^-18 BGT). Never a {@code double}; conversion to
 * BGT happens only for display, at the edge ({@link #toBgt()}).
 */
public record Wei(BigInteger value) implements Comparable<Wei> {

    /** Enough decimal digits for any uint256 (2^256 − 1 has 78 digits). */
    public static final int MAX_DIGITS = 78;

    private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256); // before ZERO: its constructor reads it

    public static final Wei ZERO = new Wei(BigInteger.ZERO);

    public Wei {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("wei must not be negative: " + value);
        }
        if (value.compareTo(UINT256_LIMIT) >= 0) {
            throw new IllegalArgumentException("wei exceeds uint256: " + value);
        }
    }

    public static Wei of(long value) {
        return new Wei(BigInteger.valueOf(value));
    }

    /** Parses a decimal wei string (leading zeros allowed). */
    public static Wei parse(String decimal) {
        return new Wei(new BigInteger(decimal.trim()));
    }

    public Wei plus(Wei other) {
        return new Wei(value.add(other.value));
    }

    /**
     * This minus {@code other}, exactly.
     *
     * @throws IllegalArgumentException if {@code other} is larger
     */
    public Wei minus(Wei other) {
        return new Wei(value.subtract(other.value));
    }

    /** This minus {@code other}, floored at zero. */
    public Wei minusOrZero(Wei other) {
        return value.compareTo(other.value) <= 0 ? ZERO : new Wei(value.subtract(other.value));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** The amount in BGT, exact (scale 18). */
    public BigDecimal toBgt() {
        return new BigDecimal(value, 18);
    }

    /** Fixed-width decimal, zero-padded to {@link #MAX_DIGITS}: text order equals numeric order. */
    public String toSortableString() {
        String digits = value.toString();
        return "0".repeat(MAX_DIGITS - digits.length()) + digits;
    }

    @Override
    public int compareTo(Wei other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
