package dev.sietch.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the audit log (rows are written by the transactions that cause them). Implemented by the store. */
public interface AuditLog {

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
