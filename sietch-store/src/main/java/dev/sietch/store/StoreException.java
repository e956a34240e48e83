package dev.sietch.store;

import java.io.Serial;

/** The database could not be opened, migrated or reached: an infrastructure fault, not a business outcome. */
public final class StoreException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
