package dev.sietch.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit log. Rows are written by the store transactions that cause them, and, for what no
 * transaction records (a role given in Discord), by {@link #append}. Implemented by the store.
 */
public interface AuditLog {

    void append(dev.sietch.core.model.AuditEntry entry, Instant at);

    /**
     * Newest first.
     *
     * @param limit at most this many rows
     * @param type only rows of this event type
     * @param since only rows written at or after this instant
     */
    List<Record> recent(int limit, Optional<String> type, Optional<Instant> since);

    /** @param dataJson the event's data, a JSON object */
    record Record(long id, String type, String dataJson, Instant createdAt) {
        public Record {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(dataJson, "dataJson");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }
}
