package dev.sietch.core.port;

import java.io.Serial;

/** Another sync committed while this one computed; this one's result is discarded, nothing is written. */
public class ConcurrentSyncException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ConcurrentSyncException(String message) {
        super(message);
    }
}
