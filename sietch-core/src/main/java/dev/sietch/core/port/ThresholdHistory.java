package dev.sietch.core.port;

import dev.sietch.core.model.Wei;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The entry threshold as each sync saw it (written in the sync's transaction). Implemented by the store. */
public interface ThresholdHistory {

    /** Newest first; {@code since} compares instants. */
    List<Snapshot> recent(int limit, Optional<Instant> since);

    /** @param id the sync's id */
    record Snapshot(long id, Optional<Wei> entry, int eligibleCount, int waitlistCount, Instant createdAt) {}
}
