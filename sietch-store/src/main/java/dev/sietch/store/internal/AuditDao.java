package dev.sietch.store.internal;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** audit_log: written only through {@link AuditWriter}, read by {@link SqliteAuditLog}. */
@RegisterConstructorMapper(AuditDao.AuditRow.class)
interface AuditDao {

    record AuditRow(long id, String eventType, String eventData, String createdAt) {}

    /** One row per type and data at the same index, all at {@code at}. */
    @SqlBatch("INSERT INTO audit_log (event_type, event_data, created_at) VALUES (:type, :data, :at)")
    void insert(@Bind("type") List<String> types, @Bind("data") List<String> data, @Bind("at") String at);

    @SqlUpdate("INSERT INTO audit_log (event_type, event_data, created_at) VALUES (:type, :data, :at)")
    int insert(@Bind("type") String type, @Bind("data") String data, @Bind("at") String at);

    @SqlQuery("""
            SELECT id, event_type, event_data, created_at FROM audit_log
            WHERE (CAST(:type AS TEXT) IS NULL OR event_type = :type) AND (CAST(:since AS TEXT) IS NULL OR created_at >= :since)
            ORDER BY id DESC LIMIT :limit""")
    List<AuditRow> recent(@Bind("type") @Nullable String type, @Bind("since") @Nullable String since,
            @Bind("limit") int limit);
}
