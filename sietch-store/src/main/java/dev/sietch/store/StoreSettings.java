package dev.sietch.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the store keeps its data.
 *
 * @param databasePath the SQLite file; its parent directories are created on open
 * @param busyTimeout how long a writer waits for another connection's lock before failing
 */
public record StoreSettings(Path databasePath, Duration busyTimeout) {

    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    public StoreSettings {
        Objects.requireNonNull(databasePath, "databasePath");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative()) {
            throw new IllegalArgumentException("busyTimeout must not be negative");
        }
    }

    public static StoreSettings of(Path databasePath) {
        return new StoreSettings(databasePath, DEFAULT_BUSY_TIMEOUT);
    }
}
