package dev.sietch.store.internal.thresholds;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jspecify.annotations.Nullable;

/** threshold_snapshot, written by each sync with its ranking. */
@RegisterConstructorMapper(ThresholdDao.SnapshotRow.class)
interface ThresholdDao {

    record SnapshotRow(long syncId, @Nullable String entryThreshold, int eligibleCount, int waitlistCount,
            String createdAt) {}

    @SqlQuery("""
            SELECT sync_id, entry_threshold, eligible_count, waitlist_count, created_at FROM threshold_snapshot
            WHERE (CAST(:since AS TEXT) IS NULL OR created_at >= :since) ORDER BY sync_id DESC LIMIT :limit""")
    List<SnapshotRow> recent(@Bind("since") @Nullable String since, @Bind("limit") int limit);
}
