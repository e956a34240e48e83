package dev.sietch.app.backup;

import java.io.Serial;

/** A backup or restore that could not be done; the message says why, for an operator. */
public final class BackupException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }
}
