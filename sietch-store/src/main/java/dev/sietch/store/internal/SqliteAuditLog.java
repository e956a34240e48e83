package dev.sietch.store.internal;

import dev.sietch.core.port.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads audit_log. Times are stored in one fixed-width UTC form, so comparing the text compares
 * the instants (mixed forms would compare {@code 2026-11-25T…} with {@code 2026-11-25 …} and lose
 * every row of the {@code since} day).
 */
public final class SqliteAuditLog implements AuditLog {

    private final Database db;

    public SqliteAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public void append(dev.sietch.core.model.AuditEntry entry, Instant at) {
        db.write(h -> {
            SqliteEligibilityStore.insertAudit(h, List.of(entry), Timestamps.format(at));
            return null;
        });
    }

    @Override
    public List<Record> recent(int limit, Optional<String> type, Optional<Instant> since) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return db.read(handle -> handle.createQuery("""
                        SELECT id, event_type, event_data, created_at FROM audit_log
                        WHERE (CAST(:type AS TEXT) IS NULL OR event_type = :type) AND (CAST(:since AS TEXT) IS NULL OR created_at >= :since)
                        ORDER BY id DESC LIMIT :limit""")
                .bind("type", type.orElse(null))
                .bind("since", since.map(Timestamps::format).orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> new Record(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Timestamps.parse(rs.getString(4))))
                .list());
    }
}
