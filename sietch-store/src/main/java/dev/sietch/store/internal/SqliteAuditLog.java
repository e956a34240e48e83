package dev.sietch.store.internal;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.port.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads audit_log. Times are stored in one fixed-width UTC form, so comparing the text compares
 * the instants, and a {@code since} day keeps every row written on it.
 */
public final class SqliteAuditLog implements AuditLog {

    private final Database db;

    public SqliteAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public void append(AuditEntry entry, Instant at) {
        db.write(h -> {
            AuditWriter.write(h, entry, Timestamps.format(at));
            return null;
        });
    }

    @Override
    public List<Record> recent(int limit, Optional<String> type, Optional<Instant> since) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return db.read(handle -> handle.attach(AuditDao.class)
                .recent(type.orElse(null), Timestamps.formatOrNull(since), limit).stream()
                .map(row -> new Record(row.id(), row.eventType(), row.eventData(), Timestamps.parse(row.createdAt())))
                .toList());
    }
}
