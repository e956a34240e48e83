package dev.sietch.chain.internal;

/**
 * An endpoint would not answer {@code eth_getLogs} for a block range: too wide, too many results,
 * or too slow. The scanner splits the range and asks again.
 */
final class RangeRefusedException extends RuntimeException {

    private final boolean timeout;

    RangeRefusedException(String message, boolean timeout) {
        super(message, null, false, false);
        this.timeout = timeout;
    }

    /** Whether every endpoint timed out, rather than saying no. */
    boolean timeout() {
        return timeout;
    }
}
