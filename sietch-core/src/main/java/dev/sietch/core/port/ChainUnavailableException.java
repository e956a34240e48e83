package dev.sietch.core.port;

import java.io.Serial;

/** The chain could not be read (every endpoint failed, or answered nonsense). Counts toward the grace period. */
public class ChainUnavailableException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ChainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChainUnavailableException(String message) {
        super(message);
    }
}
