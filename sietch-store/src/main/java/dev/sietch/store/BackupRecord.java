package dev.sietch.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A backup that was written: when its snapshot was taken, where it is, and whether it reached the
 * backup repository's remote.
 *
 * @param takenAt when the snapshot was taken
 * @param file the compressed snapshot
 * @param sizeBytes its size
 * @param pushed whether it was pushed to the repository's remote
 */
public record BackupRecord(Instant takenAt, String file, long sizeBytes, boolean pushed) {

    public BackupRecord {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(file, "file");
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("sizeBytes must be positive, was " + sizeBytes);
        }
    }
}
