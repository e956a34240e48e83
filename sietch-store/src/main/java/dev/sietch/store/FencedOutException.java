package dev.sietch.store;

import java.io.Serial;

/**
 * A write made for a leader's term that no longer holds the lease: another instance took over, so
 * the write was rolled back (see {@link Leadership#fenced}). Not a fault: the work belongs to the
 * new leader now.
 */
public final class FencedOutException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public FencedOutException(String message) {
        super(message);
    }
}
